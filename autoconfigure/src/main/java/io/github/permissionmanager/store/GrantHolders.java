package io.github.permissionmanager.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.GrantQuery;
import io.github.permissionmanager.Grantee;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * Who holds a permission: the store's reads behind
 * {@link io.github.permissionmanager.PermissionGrants#users} and
 * {@link io.github.permissionmanager.PermissionGrants#groups}. The query narrows the rows
 * in SQL; whether each grant allows the permissions asked about is answered as a check
 * answers it ({@link GrantMatcher}), and expired grants are left out.
 */
final class GrantHolders {

	private final JdbcClient jdbc;

	private final StoreTables tables;

	private final GrantMatcher matcher;

	private final Clock clock;

	GrantHolders(JdbcClient jdbc, StoreTables tables, GrantMatcher matcher, Clock clock) {
		this.jdbc = jdbc;
		this.tables = tables;
		this.matcher = matcher;
		this.clock = clock;
	}

	Set<String> users(GrantQuery query) {
		Assert.notNull(query, "query cannot be null");
		Set<String> users = new TreeSet<>();
		Set<String> groups = new TreeSet<>();
		for (Grant grant : allowingGrants(query, null)) {
			(grant.grantee().kind() == Grantee.Kind.USER ? users : groups).add(grant.grantee().name());
		}
		if (!groups.isEmpty()) {
			users.addAll(this.jdbc
				.sql("SELECT user_name FROM " + this.tables.memberships() + " WHERE group_name IN (:groups)")
				.param("groups", List.copyOf(groups))
				.query(String.class)
				.list());
		}
		return users;
	}

	Set<String> groups(GrantQuery query) {
		Assert.notNull(query, "query cannot be null");
		Set<String> groups = new TreeSet<>();
		for (Grant grant : allowingGrants(query, Grantee.Kind.GROUP)) {
			groups.add(grant.grantee().name());
		}
		return groups;
	}

	private List<Grant> allowingGrants(GrantQuery query, Grantee.@Nullable Kind kind) {
		GrantFilter filter = GrantFilter.of(query, kind);
		Instant now = this.clock.instant();
		List<Grant> grants = this.jdbc
			.sql("SELECT " + GrantRows.COLUMNS + " FROM " + this.tables.grants() + filter.where())
			.params(filter.params())
			.query((rs, row) -> Objects.requireNonNull(GrantRows.grant(rs)))
			.list();
		return grants.stream()
			.filter((grant) -> !grant.isExpiredAt(now))
			.filter((grant) -> this.matcher.allowsAny(grant, query.permissions()))
			.toList();
	}

}
