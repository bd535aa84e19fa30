package io.github.permissionmanager.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.github.permissionmanager.Grantee;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * Reads the audit table written by {@link AuditTrail}, newest first, a page at a time.
 * Pages are found by the row id they continue from (keyset paging), not by an offset, so
 * each page is one statement that reads only its own rows however long the trail is.
 */
public final class AuditLog {

	/** The most rows a page may ask for. */
	public static final int MAX_PAGE_SIZE = 200;

	private static final String COLUMNS = "id, occurred_at, actor, action, grantee_kind, grantee_name, permission, "
			+ "resource_type, resource_id, tenant, expires_at, group_name, user_name, grant_condition";

	private final JdbcClient jdbc;

	private final String table;

	/**
	 * Create a reader of the audit table.
	 * @param jdbc the client, with the store's query timeout
	 * @param tables the table names
	 */
	public AuditLog(JdbcClient jdbc, StoreTables tables) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(tables, "tables cannot be null");
		this.jdbc = jdbc;
		this.table = tables.audit();
	}

	/**
	 * One page of the trail, newest first.
	 * @param query the filters and where the page starts
	 * @return the page
	 */
	public Page page(Query query) {
		Assert.notNull(query, "query cannot be null");
		StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM ").append(this.table);
		List<String> where = new ArrayList<>();
		if (query.grantee() != null) {
			// a membership row names its user and group instead of a grantee
			where.add("(grantee_name = :grantee OR user_name = :grantee OR group_name = :grantee)");
		}
		if (query.from() != null) {
			where.add("occurred_at >= :from");
		}
		if (query.until() != null) {
			where.add("occurred_at < :until");
		}
		boolean newer = query.after() != null;
		if (query.before() != null) {
			where.add("id < :before");
		}
		else if (newer) {
			where.add("id > :after");
		}
		if (!where.isEmpty()) {
			sql.append(" WHERE ").append(String.join(" AND ", where));
		}
		// one row more than the page tells whether there is a page beyond it; the size is
		// an int, written into the statement because not every database takes LIMIT as a
		// parameter
		sql.append(" ORDER BY id ").append(newer ? "ASC" : "DESC").append(" LIMIT ").append(query.size() + 1);
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString());
		if (query.grantee() != null) {
			statement = statement.param("grantee", query.grantee());
		}
		if (query.from() != null) {
			statement = statement.param("from", GrantRows.utc(query.from()));
		}
		if (query.until() != null) {
			statement = statement.param("until", GrantRows.utc(query.until()));
		}
		if (query.before() != null) {
			statement = statement.param("before", query.before());
		}
		else if (newer) {
			statement = statement.param("after", query.after());
		}
		List<Entry> rows = new ArrayList<>(statement.query((rs, row) -> entry(rs)).list());
		boolean beyond = rows.size() > query.size();
		if (beyond) {
			rows.remove(rows.size() - 1);
		}
		if (newer) {
			Collections.reverse(rows);
			return new Page(rows, true, beyond);
		}
		return new Page(rows, beyond, query.before() != null);
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		String kind = rs.getString("grantee_kind");
		String name = rs.getString("grantee_name");
		Grantee grantee = (kind != null && name != null) ? new Grantee(Grantee.Kind.valueOf(kind), name) : null;
		return new Entry(rs.getLong("id"), Objects.requireNonNull(GrantRows.instant(rs, "occurred_at")),
				rs.getString("actor"), rs.getString("action"), grantee, rs.getString("permission"),
				rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("tenant"),
				GrantRows.instant(rs, "expires_at"), rs.getString("group_name"), rs.getString("user_name"),
				rs.getString("grant_condition"));
	}

	/**
	 * Which rows a page holds.
	 *
	 * @param grantee only rows about this user or group (as grantee, or as either side of
	 * a membership), or {@code null} for all
	 * @param from only rows written at or after this instant, or {@code null}
	 * @param until only rows written before this instant, or {@code null}
	 * @param before only rows older than this row id (the next page), or {@code null}
	 * @param after only rows newer than this row id (the previous page), or {@code null};
	 * ignored when {@code before} is given
	 * @param size the most rows on the page, 1 to {@value #MAX_PAGE_SIZE}
	 */
	public record Query(@Nullable String grantee, @Nullable Instant from, @Nullable Instant until,
			@Nullable Long before, @Nullable Long after, int size) {

		public Query {
			Assert.isTrue(size >= 1 && size <= MAX_PAGE_SIZE, () -> "size must be 1 to " + MAX_PAGE_SIZE);
		}

		/**
		 * The newest rows, unfiltered.
		 * @param size the most rows on the page
		 * @return the query
		 */
		public static Query newest(int size) {
			return new Query(null, null, null, null, null, size);
		}

	}

	/**
	 * A page of the trail.
	 *
	 * @param entries the rows, newest first
	 * @param older whether older rows follow
	 * @param newer whether newer rows came before (the page was asked for with
	 * {@code before} or {@code after})
	 */
	public record Page(List<Entry> entries, boolean older, boolean newer) {

		public Page {
			entries = List.copyOf(entries);
		}

	}

	/**
	 * One audit row: a grant or revoke (a grantee and the grant's fields), a membership
	 * change (a group and a user), or a connection change (the user as grantee, the
	 * connection as a resource of type {@code connection}).
	 *
	 * @param id the row id, increasing with time
	 * @param occurredAt when the change was written
	 * @param actor who made it ({@code system} when nobody was signed in)
	 * @param action what it was, such as {@code GRANT}, {@code REVOKE},
	 * {@code ADD_MEMBER}
	 * @param grantee the grantee of a grant row
	 * @param permission its permission or role
	 * @param resourceType its resource type
	 * @param resourceId its object id
	 * @param tenant its tenant
	 * @param expiresAt its expiry
	 * @param group the group of a membership row
	 * @param user the user of a membership row
	 * @param condition the condition of a grant row's grant, or {@code null} for none
	 */
	public record Entry(long id, Instant occurredAt, String actor, String action, @Nullable Grantee grantee,
			@Nullable String permission, @Nullable String resourceType, @Nullable String resourceId,
			@Nullable String tenant, @Nullable Instant expiresAt, @Nullable String group, @Nullable String user,
			@Nullable String condition) {

	}

}
