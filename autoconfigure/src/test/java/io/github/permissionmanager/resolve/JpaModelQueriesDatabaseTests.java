package io.github.permissionmanager.resolve;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.permissionmanager.testsupport.RequiresServer;
import io.github.permissionmanager.testsupport.Server;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A model lookup on a real database through Hibernate, on H2, PostgreSQL and MariaDB: it
 * finds the row outside a transaction and inside the caller's (where a change the caller
 * has flushed is seen and a rollback takes it away), it is bounded by the evaluation
 * timeout (a lookup that takes longer fails, it never answers late or empty), and on H2
 * repeated lookups leave the connection's timeout as it was set once.
 */
class JpaModelQueriesDatabaseTests {

	static final ModelQuery TALK_EVENT = new ModelQuery("LookupTalk", "event_id", "eventId", "id", Long.class,
			"select e.eventId from LookupTalk e where e.id = :key");

	static final ModelQuery SLOW_TALK_EVENT = new ModelQuery("SlowLookupTalk", "event_id", "eventId", "id", Long.class,
			"select e.eventId from SlowLookupTalk e where e.id = :key");

	@Test
	void h2() {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:h2:mem:jpa-model-queries;DB_CLOSE_DELAY=-1");
			dataSource.setUsername("sa");
			dataSource.setMaximumPoolSize(2);
			run(dataSource, Platform.H2, (queries) -> {
			});
		}
	}

	@Test
	void h2LookupsLeaveTheOneConnectionWithoutTimeoutOrPendingCancel() throws SQLException {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:h2:mem:jpa-model-queries-one;DB_CLOSE_DELAY=-1");
			dataSource.setUsername("sa");
			// one pooled connection: every lookup, the one that timed out too, runs on it
			dataSource.setMaximumPoolSize(1);
			run(dataSource, Platform.H2, (queries) -> {
				for (int i = 0; i < 5; i++) {
					assertThat(queries.find(TALK_EVENT, 1L)).containsExactly(10L);
				}
			});
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				assertThat(statement.getQueryTimeout()).isZero();
				assertThat(statement.execute("select 1")).isTrue();
			}
		}
	}

	@Test
	@RequiresServer(Server.POSTGRESQL)
	void postgres() {
		try (HikariDataSource dataSource = Server.POSTGRESQL.dataSource("jpa-model-queries-PostgreSQL", 2)) {
			run(dataSource, Platform.POSTGRESQL, (queries) -> {
			});
		}
	}

	@Test
	@RequiresServer(Server.MARIADB)
	void mariaDb() {
		try (HikariDataSource dataSource = Server.MARIADB.dataSource("jpa-model-queries-MariaDB", 2)) {
			run(dataSource, Platform.MARIADB, (queries) -> {
			});
		}
	}

	private static void run(DataSource dataSource, Platform platform, Consumer<JpaModelQueries> more) {
		execute(dataSource, "drop view if exists pm_lookup_slow_talk", "drop table if exists pm_lookup_talk",
				"create table pm_lookup_talk (id bigint primary key, event_id bigint)",
				"insert into pm_lookup_talk (id, event_id) values (1, 10)",
				"insert into pm_lookup_talk (id, event_id) values (2, 20)");
		execute(dataSource, platform.slowView);
		LocalContainerEntityManagerFactoryBean factoryBean = new LocalContainerEntityManagerFactoryBean();
		factoryBean.setDataSource(dataSource);
		factoryBean.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factoryBean
			.setManagedTypes(PersistenceManagedTypes.of(LookupTalk.class.getName(), SlowLookupTalk.class.getName()));
		factoryBean.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "none"));
		factoryBean.afterPropertiesSet();
		EntityManagerFactory factory = factoryBean.getObject();
		JpaModelQueries queries = new JpaModelQueries(factory, Duration.ofSeconds(1));
		try {
			lookups(queries, factory);
			timeout(queries);
			JpaModelQueries closed = new JpaModelQueries(factory, Duration.ofSeconds(1));
			closed.close();
			// closed: no thread cancels, the lookup still answers and is still bounded
			assertThat(closed.find(TALK_EVENT, 1L)).containsExactly(10L);
			timeout(closed);
			// after a lookup that timed out, the next one on the same connections still
			// answers
			assertThat(queries.find(TALK_EVENT, 2L)).containsExactly(20L);
			more.accept(queries);
		}
		finally {
			queries.close();
			factoryBean.destroy();
			execute(dataSource, "drop view if exists pm_lookup_slow_talk", "drop table if exists pm_lookup_talk");
		}
	}

	private static void lookups(JpaModelQueries queries, EntityManagerFactory factory) {
		assertThat(queries.find(TALK_EVENT, 1L)).containsExactly(10L);
		assertThat(queries.find(TALK_EVENT, 2L)).containsExactly(20L);
		assertThat(queries.find(TALK_EVENT, 3L)).isEmpty();
		TransactionTemplate transactions = new TransactionTemplate(new JpaTransactionManager(factory));
		transactions.executeWithoutResult((status) -> {
			EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
			LookupTalk talk = entityManager.find(LookupTalk.class, 1L);
			talk.eventId = 11L;
			LookupTalk added = new LookupTalk();
			added.id = 3L;
			added.eventId = 30L;
			entityManager.persist(added);
			entityManager.flush();
			// the caller's own transaction: what it has flushed is seen, by the same
			// connection
			assertThat(queries.find(TALK_EVENT, 1L)).containsExactly(11L);
			assertThat(queries.find(TALK_EVENT, 3L)).containsExactly(30L);
			status.setRollbackOnly();
		});
		assertThat(queries.find(TALK_EVENT, 1L)).containsExactly(10L);
		assertThat(queries.find(TALK_EVENT, 3L)).isEmpty();
	}

	private static void timeout(JpaModelQueries queries) {
		long start = System.nanoTime();
		assertThatExceptionOfType(PersistenceException.class).isThrownBy(() -> queries.find(SLOW_TALK_EVENT, 1L));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(8));
	}

	private static void execute(DataSource dataSource, String... statements) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	enum Platform {

		// a view whose rows never come: each engine's way of taking longer than the bound
		H2("create view pm_lookup_slow_talk as select t.id, t.event_id from pm_lookup_talk t"
				+ " cross join system_range(1, 1000000000000) r where mod(r.x, 7) = 9"),

		POSTGRESQL("create view pm_lookup_slow_talk as select t.id, t.event_id from pm_lookup_talk t"
				+ " cross join (select pg_sleep(30)) s"),

		MARIADB("create view pm_lookup_slow_talk as select t.id, t.event_id from pm_lookup_talk t"
				+ " where sleep(30) = 0");

		final String slowView;

		Platform(String slowView) {
			this.slowView = slowView;
		}

	}

	/**
	 * A talk's id and the id of its event.
	 */
	@MappedSuperclass
	public abstract static class TalkColumns {

		@Id
		Long id;

		@Column(name = "event_id")
		Long eventId;

	}

	/**
	 * A talk.
	 */
	@Entity(name = "LookupTalk")
	@Table(name = "pm_lookup_talk")
	public static class LookupTalk extends TalkColumns {

	}

	/**
	 * The same rows through a view that takes longer than any bound.
	 */
	@Entity(name = "SlowLookupTalk")
	@Table(name = "pm_lookup_slow_talk")
	public static class SlowLookupTalk extends TalkColumns {

	}

}
