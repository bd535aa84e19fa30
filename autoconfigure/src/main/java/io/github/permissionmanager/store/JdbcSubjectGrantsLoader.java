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

	private final String byMembership;

	private final String direct;

	/**
	 * Create a loader.
	 * @param jdbc the client, with the store's query timeout
	 * @param tables the table names
	 */
	public JdbcSubjectGrantsLoader(JdbcClient jdbc, StoreTables tables) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(tables, "tables cannot be null");
		this.jdbc = jdbc;
		this.byMembership = "SELECT m.group_name AS member_of, g.grantee_kind, g.grantee_name, g.permission, "
				+ "g.resource_type, g.resource_id, g.tenant, g.expires_at FROM " + tables.memberships() + " m "
				+ "LEFT JOIN " + tables.grants() + " g ON g.grantee_kind = 'GROUP' AND g.grantee_name = m.group_name "
				+ "WHERE m.user_name = :user";
		this.direct = "SELECT NULL AS member_of, g.grantee_kind, g.grantee_name, g.permission, g.resource_type, "
				+ "g.resource_id, g.tenant, g.expires_at FROM " + tables.grants() + " g "
				+ "WHERE (g.grantee_kind = 'USER' AND g.grantee_name = :user)";
	}

	@Override
	public SubjectGrants load(String user, Set<String> groups) {
		String sql = this.byMembership + " UNION ALL " + this.direct
				+ (groups.isEmpty() ? "" : " OR (g.grantee_kind = 'GROUP' AND g.grantee_name IN (:groups))");
		Set<String> storeGroups = new LinkedHashSet<>();
		List<Grant> grants = new ArrayList<>();
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql).param("user", user);
		if (!groups.isEmpty()) {
			statement = statement.param("groups", List.copyOf(groups));
		}
		statement.query((rs) -> {
			String memberOf = rs.getString("member_of");
			if (memberOf != null) {
				storeGroups.add(memberOf);
			}
			Grant grant = GrantRows.grant(rs);
			if (grant != null) {
				grants.add(grant);
			}
		});
		return new SubjectGrants(storeGroups, grants);
	}

}
