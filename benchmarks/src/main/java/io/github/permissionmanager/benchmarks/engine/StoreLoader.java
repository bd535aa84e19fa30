package io.github.permissionmanager.benchmarks.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import io.github.permissionmanager.benchmarks.data.GrantData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes generated grants straight into the store's {@code pm_grants} table with JDBC
 * batches: the rows {@code PermissionGrants.grantAll} would write (same columns, same
 * {@code grant_key}: a SHA-256 of the length-prefixed grantee kind, name, permission,
 * type, id and tenant), without the per-grant existence check, audit row and cache
 * notification that make the API too slow to load a million grants for a benchmark.
 */
final class StoreLoader {

	private static final int BATCH = 10_000;

	private StoreLoader() {
	}

	static void load(DataSource dataSource, GrantData data) {
		// one transaction: H2 commits each batch otherwise
		new TransactionTemplate(new JdbcTransactionManager(dataSource))
			.executeWithoutResult((status) -> insertAll(new JdbcTemplate(dataSource), data));
	}

	private static void insertAll(JdbcTemplate jdbc, GrantData data) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>(BATCH);
		for (GrantData.GeneratedGrant grant : data.grants()) {
			String id = Integer.toString(grant.event());
			rows.add(new Object[] { key(grant.user(), grant.name(), id), grant.user(), grant.name(),
					GrantData.RESOURCE_TYPE, id, now });
			if (rows.size() == BATCH) {
				insert(jdbc, rows);
			}
		}
		insert(jdbc, rows);
	}

	private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
		jdbc.batchUpdate("INSERT INTO pm_grants (grant_key, grantee_kind, grantee_name, permission, resource_type,"
				+ " resource_id, tenant, expires_at, created_at, created_by) VALUES (?, 'USER', ?, ?, ?, ?, NULL, NULL,"
				+ " ?, 'benchmark')", rows);
		rows.clear();
	}

	private static String key(String user, String permission, String id) {
		StringBuilder identity = new StringBuilder();
		for (String part : new String[] { "USER", user, permission, GrantData.RESOURCE_TYPE, id }) {
			identity.append(part.length()).append(':').append(part).append(';');
		}
		identity.append("-;");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(identity.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
