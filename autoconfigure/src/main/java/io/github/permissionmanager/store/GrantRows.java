package io.github.permissionmanager.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import org.jspecify.annotations.Nullable;

/**
 * Reading and writing the columns of a grant. Instants are stored as UTC date-times, to
 * the microsecond, which every supported database and driver maps alike.
 */
final class GrantRows {

	static final String COLUMNS = "grantee_kind, grantee_name, permission, resource_type, resource_id, tenant, expires_at, "
			+ "grant_condition";

	private GrantRows() {
	}

	static @Nullable Grant grant(ResultSet rs) throws SQLException {
		String kind = rs.getString("grantee_kind");
		if (kind == null) {
			return null;
		}
		Grantee grantee = new Grantee(Grantee.Kind.valueOf(kind), rs.getString("grantee_name"));
		return new Grant(grantee, rs.getString("permission"), rs.getString("resource_type"),
				rs.getString("resource_id"), rs.getString("tenant"), instant(rs, "expires_at"),
				rs.getString("grant_condition"));
	}

	/**
	 * A grant read by position: the columns of {@link #COLUMNS}, in that order, from a
	 * first one on (a check's load reads every row this way, with no lookup by name).
	 * @param rs the result set
	 * @param first the position of {@code grantee_kind}
	 * @return the grant, or {@code null} when the row has none (an outer join)
	 * @throws SQLException when a column cannot be read
	 */
	static @Nullable Grant grant(ResultSet rs, int first) throws SQLException {
		return grant(rs, first, null);
	}

	/**
	 * A grant read by position, as {@link #grant(ResultSet, int)} reads it, sharing the
	 * grantee of the row before when the row names the same one: a load reads the rows of
	 * each grantee together, so most rows build no grantee of their own.
	 * @param rs the result set
	 * @param first the position of {@code grantee_kind}
	 * @param previous the grantee of the grant read before, or {@code null}
	 * @return the grant, or {@code null} when the row has none (an outer join)
	 * @throws SQLException when a column cannot be read
	 */
	static @Nullable Grant grant(ResultSet rs, int first, @Nullable Grantee previous) throws SQLException {
		String kind = rs.getString(first);
		if (kind == null) {
			return null;
		}
		String name = rs.getString(first + 1);
		Grantee grantee = (previous != null && previous.kind().name().equals(kind) && previous.name().equals(name))
				? previous : new Grantee(Grantee.Kind.valueOf(kind), name);
		LocalDateTime expiresAt = rs.getObject(first + 6, LocalDateTime.class);
		return new Grant(grantee, rs.getString(first + 2), rs.getString(first + 3), rs.getString(first + 4),
				rs.getString(first + 5), (expiresAt != null) ? expiresAt.toInstant(ZoneOffset.UTC) : null,
				rs.getString(first + 7));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	// Columns keep microseconds; databases differ in rounding or truncating finer values,
	// so they are truncated here and every database stores, and gives back, the same
	// instant
	static @Nullable LocalDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(micros(instant), ZoneOffset.UTC) : null;
	}

	static @Nullable Instant micros(@Nullable Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MICROS) : null;
	}

}
