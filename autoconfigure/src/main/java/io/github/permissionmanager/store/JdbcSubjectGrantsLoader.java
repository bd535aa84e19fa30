package io.github.permissionmanager.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.decide.SubjectGrants;
import io.github.permissionmanager.decide.SubjectGrantsLoader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * Reads one subject's store groups and the grants of the user and of all its groups in a
 * single query: the memberships joined to their groups' grants, and the grants of the
 * user and of the groups the subject carries.
 */
public final class JdbcSubjectGrantsLoader implements SubjectGrantsLoader {

	private final JdbcClient jdbc;

	// Built once: the statement of a subject without groups of its own is the same text
	// on
	// every load, so the driver's statement cache and the query plan are reused
	private final String withoutGroups;

	private final String withGroups;

	/**
	 * Create a loader.
	 * @param jdbc the client, with the store's query timeout
	 * @param tables the table names
	 */
	public JdbcSubjectGrantsLoader(JdbcClient jdbc, StoreTables tables) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(tables, "tables cannot be null");
		this.jdbc = jdbc;
		this.withoutGroups = cacheable(select(tables, "?"));
		this.withGroups = cacheable(
				select(tables, ":user") + " OR (g.grantee_kind = 'GROUP' AND g.grantee_name IN (:groups))");
	}

	// The union as a derived table of one SELECT: the same rows in the same column order,
	// and H2 keeps a prepared SELECT in its session's statement cache where it parses and
	// plans a top-level UNION on every load (PostgreSQL and MariaDB accept both alike)
	private static String cacheable(String union) {
		return "SELECT * FROM (" + union + ") subject_grants";
	}

	// The memberships joined to their groups' grants, then the user's own grants
	private static String select(StoreTables tables, String user) {
		return "SELECT m.group_name AS member_of, g.grantee_kind, g.grantee_name, g.permission, g.resource_type, "
				+ "g.resource_id, g.tenant, g.expires_at, g.grant_condition FROM " + tables.memberships()
				+ " m LEFT JOIN " + tables.grants()
				+ " g ON g.grantee_kind = 'GROUP' AND g.grantee_name = m.group_name " + "WHERE m.user_name = " + user
				+ " UNION ALL SELECT NULL AS member_of, g.grantee_kind, "
				+ "g.grantee_name, g.permission, g.resource_type, g.resource_id, g.tenant, g.expires_at, "
				+ "g.grant_condition FROM " + tables.grants()
				+ " g WHERE (g.grantee_kind = 'USER' AND g.grantee_name = " + user + ")";
	}

	@Override
	public SubjectGrants load(String user, Set<String> groups) {
		Set<String> storeGroups = new LinkedHashSet<>();
		List<Grant> grants = new ArrayList<>();
		JdbcClient.StatementSpec statement = groups.isEmpty()
				? this.jdbc.sql(this.withoutGroups).param(user).param(user)
				: this.jdbc.sql(this.withGroups).param("user", user).param("groups", List.copyOf(groups));
		statement.query((rs) -> {
			String memberOf = rs.getString(1);
			if (memberOf != null) {
				storeGroups.add(memberOf);
			}
			Grant grant = GrantRows.grant(rs, 2);
			if (grant != null) {
				grants.add(grant);
			}
		});
		return new SubjectGrants(storeGroups, grants);
	}

}
