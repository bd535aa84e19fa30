package io.github.permissionmanager.benchmarks.engine;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.permissionmanager.benchmarks.data.Datasets;
import io.github.permissionmanager.benchmarks.data.GrantData;
import io.github.permissionmanager.decide.SubjectGrantsLoader;
import io.github.permissionmanager.store.JdbcSubjectGrantsLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A breakdown of the cold check, not a contender: the store's one query alone, through
 * plain JDBC on the same H2 data and the same pool as
 * {@link PermissionManagerColdBenchmark}: a connection from the pool, the statement the
 * store prepares (its text read from the store's loader, so the two cannot drift apart),
 * both parameters bound, every column of every row read as the store reads it, no objects
 * built. The cold check minus this is what the library adds: its row mapping, the
 * snapshot build and the cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StoreQueryBenchmark {

	@Param({ "10000", "100000", "1000000" })
	int grants;

	private PermissionManagerEngine engine;

	private DataSource dataSource;

	private String sql;

	private String[] users;

	private int next;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		GrantData data = Datasets.of(this.grants);
		this.engine = PermissionManagerEngine.start(data, "query" + this.grants);
		this.dataSource = this.engine.bean(DataSource.class);
		SubjectGrantsLoader loader = this.engine.bean(SubjectGrantsLoader.class);
		Field withoutGroups = JdbcSubjectGrantsLoader.class.getDeclaredField("withoutGroups");
		withoutGroups.setAccessible(true);
		this.sql = (String) withoutGroups.get(loader);
		List<GrantData.Check> checks = data.checks();
		this.users = new String[checks.size()];
		for (int i = 0; i < checks.size(); i++) {
			this.users[i] = checks.get(i).user();
			int rows = query(this.users[i]);
			int expected = data.grantsOf(this.users[i]).size();
			if (rows != expected) {
				throw new IllegalStateException(
						"the query read " + rows + " rows for " + this.users[i] + ", not " + expected);
			}
		}
		System.out.println("Store query alone: all 1024 users read the rows of their grants through plain JDBC");
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.engine.close();
	}

	private int query(String user) throws SQLException {
		int rows = 0;
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(this.sql)) {
			statement.setString(1, user);
			statement.setString(2, user);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					// every column, as the store reads them; only the count is kept
					if (rs.getString(1) != null | rs.getString(2) != null | rs.getString(3) != null
							| rs.getString(4) != null | rs.getString(5) != null | rs.getString(6) != null
							| rs.getString(7) != null | rs.getObject(8, LocalDateTime.class) != null
							| rs.getString(9) != null) {
						rows++;
					}
				}
			}
		}
		return rows;
	}

	@Benchmark
	public int check() throws SQLException {
		return query(this.users[this.next++ & Datasets.CHECK_MASK]);
	}

}
