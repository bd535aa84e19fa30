package io.github.permissionmanager.store;

import java.util.List;
import java.util.Locale;

import io.github.permissionmanager.Grantee;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * The users and groups the store knows: those named by a grant or a membership. A user
 * known only to the application's sign-in (who holds nothing yet) is not listed.
 */
public final class GranteeDirectory {

	/** The most names a search may ask for. */
	public static final int MAX_RESULTS = 500;

	private final JdbcClient jdbc;

	private final String search;

	private final String members;

	/**
	 * Create a directory.
	 * @param jdbc the client, with the store's query timeout
	 * @param tables the table names
	 */
	public GranteeDirectory(JdbcClient jdbc, StoreTables tables) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(tables, "tables cannot be null");
		this.jdbc = jdbc;
		// '!' escapes LIKE's wildcards alike on every database (a backslash would need
		// escaping of its own in MariaDB's string literals)
		this.search = "SELECT grantee_kind, grantee_name FROM " + tables.grants()
				+ " WHERE LOWER(grantee_name) LIKE :text ESCAPE '!' UNION SELECT 'USER', user_name FROM "
				+ tables.memberships() + " WHERE LOWER(user_name) LIKE :text ESCAPE '!' UNION SELECT 'GROUP', "
				+ "group_name FROM " + tables.memberships() + " WHERE LOWER(group_name) LIKE :text ESCAPE '!' "
				+ "ORDER BY 2, 1 LIMIT ";
		this.members = "SELECT user_name FROM " + tables.memberships()
				+ " WHERE group_name = :group ORDER BY user_name";
	}

	/**
	 * The users and groups whose name contains a text, ignoring case, by name.
	 * @param text the text, or an empty text for every name
	 * @param limit the most names to return, 1 to {@value #MAX_RESULTS}
	 * @return the grantees
	 */
	public List<Grantee> search(String text, int limit) {
		Assert.notNull(text, "text cannot be null");
		Assert.isTrue(limit >= 1 && limit <= MAX_RESULTS, () -> "limit must be 1 to " + MAX_RESULTS);
		String pattern = "%" + text.toLowerCase(Locale.ROOT).replaceAll("([!%_])", "!$1") + "%";
		return this.jdbc.sql(this.search + limit)
			.param("text", pattern)
			.query((rs, row) -> new Grantee(Grantee.Kind.valueOf(rs.getString(1).trim()), rs.getString(2)))
			.list();
	}

	/**
	 * The users the store lists in a group.
	 * @param group the group
	 * @return the user names, sorted
	 */
	public List<String> membersOf(String group) {
		Assert.hasText(group, "group cannot be empty");
		return this.jdbc.sql(this.members).param("group", group).query(String.class).list();
	}

}
