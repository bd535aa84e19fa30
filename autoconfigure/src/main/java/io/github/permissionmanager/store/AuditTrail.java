package io.github.permissionmanager.store;

import java.time.Clock;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.caller.CurrentCaller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one audit row per change (who, when, what), in the transaction of the change.
 * Who is the current authenticated user's name, read by the same {@link CurrentCaller}
 * that enforcement uses, or {@code system} when none is authenticated (startup code,
 * scheduled jobs). Changes to grants and memberships, and a user's connections to
 * external services (a row with resource type {@code connection}), share the table.
 */
public final class AuditTrail {

	static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String insert;

	private final CurrentCaller caller;

	/**
	 * Create an audit trail.
	 * @param jdbc the store's database
	 * @param tables the store's table names
	 * @param clock the clock of the rows
	 * @param caller tells who makes each change
	 */
	public AuditTrail(JdbcClient jdbc, StoreTables tables, Clock clock, CurrentCaller caller) {
		this.jdbc = jdbc;
		this.caller = caller;
		this.clock = clock;
		this.insert = "INSERT INTO " + tables.audit() + " (occurred_at, actor, action, grantee_kind, grantee_name, "
				+ "permission, resource_type, resource_id, tenant, expires_at, grant_condition, group_name, user_name) "
				+ "VALUES (:at, :actor, :action, :kind, :name, :permission, :type, :id, :tenant, :expiresAt, "
				+ ":condition, :group, :user)";
	}

	void grant(String action, Grant grant) {
		write(action, grant, null, null);
	}

	void membership(String action, String group, String user) {
		write(action, null, group, user);
	}

	/**
	 * Record a change to a user's connection to an external service: a row naming the
	 * user as grantee and the connection as a resource of type {@code connection}.
	 * @param action what happened (at most 32 characters), such as
	 * {@code CONNECTION_SIGN_OUT}
	 * @param user the user whose connection it is
	 * @param connection the connection's name
	 */
	public void connection(String action, String user, String connection) {
		this.jdbc.sql(this.insert)
			.param("at", GrantRows.utc(this.clock.instant()))
			.param("actor", actor())
			.param("action", action)
			.param("kind", Grantee.Kind.USER.name())
			.param("name", user)
			.param("permission", null)
			.param("type", "connection")
			.param("id", connection)
			.param("tenant", null)
			.param("expiresAt", null)
			.param("condition", null)
			.param("group", null)
			.param("user", null)
			.update();
	}

	private void write(String action, @Nullable Grant grant, @Nullable String group, @Nullable String user) {
		this.jdbc.sql(this.insert)
			.param("at", GrantRows.utc(this.clock.instant()))
			.param("actor", actor())
			.param("action", action)
			.param("kind", (grant != null) ? grant.grantee().kind().name() : null)
			.param("name", (grant != null) ? grant.grantee().name() : null)
			.param("permission", (grant != null) ? grant.permission() : null)
			.param("type", (grant != null) ? grant.resourceType() : null)
			.param("id", (grant != null) ? grant.resourceId() : null)
			.param("tenant", (grant != null) ? grant.tenant() : null)
			.param("expiresAt", (grant != null) ? GrantRows.utc(grant.expiresAt()) : null)
			.param("condition", (grant != null) ? grant.condition() : null)
			.param("group", group)
			.param("user", user)
			.update();
	}

	String actor() {
		String name = this.caller.name();
		if (name == null) {
			return SYSTEM;
		}
		return (name.length() > 255) ? name.substring(0, 255) : name;
	}

}
