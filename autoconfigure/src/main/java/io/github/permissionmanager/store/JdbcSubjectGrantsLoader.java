package io.github.permissionmanager.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.decide.SubjectGrants;
import io.github.permissionmanager.decide.SubjectGrantsLoader;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.util.Assert;

/**
 * Reads one subject's store groups and the grants of the user and of all its groups in a
 * single query: the names whose grants apply (the user, the groups the store lists it in,
 * the groups the subject carries) joined to their grants.
 */
public final class JdbcSubjectGrantsLoader implements SubjectGrantsLoader {

	// JdbcOperations, not JdbcClient: a load binds its few parameters itself, without a
	// statement spec, its parameter lists and their setter built per load
	private final JdbcOperations jdbc;

	// Built once: the statement of a subject without groups of its own is the same text
	// on every load, so the driver's statement cache and the query plan are reused
	private final String withoutGroups;

	// One SELECT whose derived table is the few names whose grants apply: the
	// user's store groups (member_of names them), the user, then each carried group;
	// their grants are joined to it through pm_grants' grantee index. H2 keeps a
	// prepared SELECT in its session's statement cache (a top-level UNION it parses and
	// plans on every load) and materializes only the names for the outer select, not
	// the grants. A name without grants gives one row without a grant. This is the
	// statement up to the user's name; a subject carrying groups adds one name per
	// group after it.
	private final String grantees;

	// the join of the names to their grants
	private final String grants;

	/**
	 * Create a loader.
	 * @param jdbc the store's template, with its query timeout
	 * @param tables the table names
	 */
	public JdbcSubjectGrantsLoader(JdbcOperations jdbc, StoreTables tables) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(tables, "tables cannot be null");
		this.jdbc = jdbc;
		this.grantees = "SELECT k.member_of, g.grantee_kind, g.grantee_name, g.permission, g.resource_type, "
				+ "g.resource_id, g.tenant, g.expires_at, g.grant_condition FROM (SELECT group_name AS member_of, "
				+ "'GROUP' AS kind, group_name AS name FROM " + tables.memberships() + " WHERE user_name = ? "
				+ "UNION ALL SELECT NULL, 'USER', ?";
		this.grants = ") k LEFT JOIN " + tables.grants() + " g ON g.grantee_name = k.name AND g.grantee_kind = k.kind";
		this.withoutGroups = this.grantees + this.grants;
	}

	private String withGroups(int groups) {
		StringBuilder sql = new StringBuilder(this.withoutGroups.length() + 36 * groups).append(this.grantees);
		for (int i = 0; i < groups; i++) {
			sql.append(" UNION ALL SELECT NULL, 'GROUP', ?");
		}
		return sql.append(this.grants).toString();
	}

	@Override
	public SubjectGrants load(String user, Set<String> groups) {
		return this.jdbc.query(groups.isEmpty() ? this.withoutGroups : withGroups(groups.size()), (statement) -> {
			statement.setString(1, user);
			statement.setString(2, user);
			int index = 3;
			for (String group : groups) {
				statement.setString(index++, group);
			}
		}, JdbcSubjectGrantsLoader::subjectGrants);
	}

	private static SubjectGrants subjectGrants(ResultSet rs) throws SQLException {
		Set<String> storeGroups = Set.of();
		// sized for a subject's usual grants: no copy as the rows come
		List<Grant> grants = new ArrayList<>(64);
		Grantee previous = null;
		while (rs.next()) {
			String memberOf = rs.getString(1);
			if (memberOf != null) {
				if (storeGroups.isEmpty()) {
					storeGroups = new LinkedHashSet<>();
				}
				storeGroups.add(memberOf);
			}
			Grant grant = GrantRows.grant(rs, 2, previous);
			if (grant != null) {
				grants.add(grant);
				previous = grant.grantee();
			}
		}
		return new SubjectGrants(storeGroups, grants);
	}

}
