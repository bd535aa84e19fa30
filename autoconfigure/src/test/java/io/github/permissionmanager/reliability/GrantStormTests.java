package io.github.permissionmanager.reliability;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.testsupport.RequiresServer;
import io.github.permissionmanager.testsupport.Server;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grant/revoke storm: writer threads toggle direct grants and group memberships of
 * their own users while checker threads check all of them. A check that ran entirely
 * between two changes of a user must agree with the last change that returned (after a
 * revoke returns no check allows, after a grant returns every check allows), and the
 * audit table holds exactly one row per change.
 */
class GrantStormTests {

	static final int WRITERS = 4;

	static final int USERS_PER_WRITER = 3;

	static final int OPERATIONS_PER_WRITER = 500;

	static final int CHECKERS = 2;

	static final Resource DOCUMENT = Resource.of("document", 1);

	@Test
	void stormOnH2KeepsEveryCheckConsistentWithTheLastChangeAndAuditsEachChangeOnce() throws Exception {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:h2:mem:reliability-storm;DB_CLOSE_DELAY=-1");
			dataSource.setUsername("sa");
			dataSource.setMaximumPoolSize(10);
			storm(dataSource);
		}
	}

	@Test
	@RequiresServer(Server.POSTGRESQL)
	void stormOnPostgresKeepsEveryCheckConsistentWithTheLastChangeAndAuditsEachChangeOnce() throws Exception {
		try (HikariDataSource dataSource = Server.POSTGRESQL.dataSource("reliability-PostgreSQL", 10)) {
			storm(dataSource);
		}
	}

	private void storm(DataSource dataSource) throws Exception {
		Store store = Store.on(dataSource, Server.uniqueTablePrefix("rel_storm"), Map.of(), Clock.systemUTC());
		try {
			storm(store);
		}
		finally {
			store.drop();
		}
	}

	private void storm(Store store) throws Exception {
		for (int writer = 0; writer < WRITERS; writer++) {
			store.grants().grant(Grant.of(Grantee.group("editors-" + writer), "document:write").on("document", 1));
		}
		int setupRows = store.auditRows("GRANT");
		List<UserState> users = new ArrayList<>();
		for (int writer = 0; writer < WRITERS; writer++) {
			for (int i = 0; i < USERS_PER_WRITER; i++) {
				users.add(new UserState("storm-" + writer + "-" + i, "editors-" + writer));
			}
		}
		List<String> violations = new CopyOnWriteArrayList<>();
		AtomicInteger consistentChecks = new AtomicInteger();
		AtomicBoolean writing = new AtomicBoolean(true);
		int[][] counts = new int[WRITERS][4];
		ExecutorService threads = Executors.newFixedThreadPool(WRITERS + CHECKERS);
		List<Future<?>> checkers = new ArrayList<>();
		for (int c = 0; c < CHECKERS; c++) {
			long seed = 1000 + c;
			checkers.add(threads.submit(() -> {
				Random random = new Random(seed);
				while (writing.get()) {
					UserState user = users.get(random.nextInt(users.size()));
					boolean read = random.nextBoolean();
					AtomicReference<State> state = read ? user.read : user.write;
					State before = state.get();
					boolean allowed = store.manager()
						.check(Subject.of(user.name), read ? "document:read" : "document:write", DOCUMENT);
					if (!before.changing && state.get() == before) {
						consistentChecks.incrementAndGet();
						if (allowed != before.granted) {
							violations.add(user.name + (read ? " read" : " write") + " allowed=" + allowed
									+ " after the change that made it " + before.granted);
						}
					}
				}
			}));
		}
		List<Future<?>> writers = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			writers.add(threads.submit(() -> {
				Random random = new Random(writer);
				for (int op = 0; op < OPERATIONS_PER_WRITER; op++) {
					UserState user = users.get(writer * USERS_PER_WRITER + random.nextInt(USERS_PER_WRITER));
					boolean read = random.nextBoolean();
					AtomicReference<State> state = read ? user.read : user.write;
					boolean grant = !state.get().granted;
					state.set(new State(state.get().granted, true));
					Grant direct = Grant.of(Grantee.user(user.name), "document:read").on("document", 1);
					if (read && grant) {
						store.grants().grant(direct);
					}
					else if (read) {
						store.grants().revoke(direct);
					}
					else if (grant) {
						store.grants().addMember(user.group, user.name);
					}
					else {
						store.grants().removeMember(user.group, user.name);
					}
					state.set(new State(grant, false));
					counts[writer][(read ? 0 : 2) + (grant ? 0 : 1)]++;
					// the writer's own check right after the change returned
					boolean allowed = store.manager()
						.check(Subject.of(user.name), read ? "document:read" : "document:write", DOCUMENT);
					if (allowed != grant) {
						violations.add(user.name + " checked by its writer: allowed=" + allowed + " after "
								+ (grant ? "granting" : "revoking"));
					}
				}
			}));
		}
		for (Future<?> writer : writers) {
			writer.get(120, TimeUnit.SECONDS);
		}
		writing.set(false);
		for (Future<?> checker : checkers) {
			checker.get(30, TimeUnit.SECONDS);
		}
		threads.shutdown();
		assertThat(violations).isEmpty();
		assertThat(consistentChecks.get()).isGreaterThan(1000);
		int grants = 0;
		int revokes = 0;
		int adds = 0;
		int removes = 0;
		for (int[] writer : counts) {
			grants += writer[0];
			revokes += writer[1];
			adds += writer[2];
			removes += writer[3];
		}
		assertThat(grants + revokes + adds + removes).isEqualTo(WRITERS * OPERATIONS_PER_WRITER);
		assertThat(store.auditRows("GRANT")).isEqualTo(setupRows + grants);
		assertThat(store.auditRows("REVOKE")).isEqualTo(revokes);
		assertThat(store.auditRows("ADD_MEMBER")).isEqualTo(adds);
		assertThat(store.auditRows("REMOVE_MEMBER")).isEqualTo(removes);
	}

	/**
	 * What the last change that returned left: granted or not, or a change under way.
	 */
	record State(boolean granted, boolean changing) {
	}

	static final class UserState {

		final String name;

		final String group;

		final AtomicReference<State> read = new AtomicReference<>(new State(false, false));

		final AtomicReference<State> write = new AtomicReference<>(new State(false, false));

		UserState(String name, String group) {
			this.name = name;
			this.group = group;
		}

	}

}
