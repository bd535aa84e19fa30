package io.github.permissionmanager.reliability;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The same grants and checks on H2, PostgreSQL and MariaDB give the same answers: names
 * that differ only in case or a trailing space are different names (MariaDB's default
 * collations would say otherwise), ids of 255 characters work, longer ones are refused
 * alike, and a check about a longer id, user or group is a denial, not an error.
 */
class PortabilityTests {

	static final String ID_255 = "i".repeat(254) + "Z";

	static final String ID_256 = "i".repeat(256);

	@Test
	void h2() {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:h2:mem:reliability-portability;DB_CLOSE_DELAY=-1");
			dataSource.setUsername("sa");
			assertThat(answers(dataSource)).containsExactlyElementsOf(expected());
		}
	}

	@Test
	@RequiresServer(Server.POSTGRESQL)
	void postgres() {
		try (HikariDataSource dataSource = Server.POSTGRESQL.dataSource("reliability-PostgreSQL", 10)) {
			assertThat(answers(dataSource)).containsExactlyElementsOf(expected());
		}
	}

	@Test
	@RequiresServer(Server.MARIADB)
	void mariaDb() {
		try (HikariDataSource dataSource = Server.MARIADB.dataSource("reliability-MariaDB", 10)) {
			assertThat(answers(dataSource)).containsExactlyElementsOf(expected());
		}
	}

	private static List<String> answers(DataSource dataSource) {
		Store store = Store.on(dataSource, Server.uniqueTablePrefix("rel_port"), Map.of(), Clock.systemUTC());
		try {
			return answers(store);
		}
		finally {
			store.drop();
		}
	}

	private static List<String> answers(Store store) {
		store.grants()
			.grantAll(List.of(Grant.of(Grantee.user("Admin"), "event:read").on("event", "A"),
					Grant.of(Grantee.user("bob "), "event:read").on("event", "1"),
					Grant.of(Grantee.user("bob"), "event:read").on("event", ID_255),
					Grant.of(Grantee.user("bob"), "event:read").on("event", "é"),
					Grant.of(Grantee.user("bob"), "event:read").on("event", "😀"),
					Grant.of(Grantee.group("Editors"), "event:update").on("event", "1")));
		store.grants().addMember("Editors", "carol");
		// revoking the name without its trailing space leaves "bob "'s grant
		store.grants().revoke(Grant.of(Grantee.user("bob"), "event:read").on("event", "1"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> store.grants()
				.grantAll(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", "ok"),
						Grant.of(Grantee.user("bob"), "event:read").on("event", ID_256))))
			.withMessageContaining("longer than 255");
		List<String> answers = new ArrayList<>();
		answer(answers, store, "Admin", "event:read", "A");
		answer(answers, store, "admin", "event:read", "A");
		answer(answers, store, "ADMIN", "event:read", "A");
		answer(answers, store, "Admin ", "event:read", "A");
		answer(answers, store, "Admin", "event:read", "a");
		answer(answers, store, "Admin", "event:read", "A ");
		answer(answers, store, "bob ", "event:read", "1");
		answer(answers, store, "bob", "event:read", "1");
		answer(answers, store, "bob", "event:read", ID_255);
		answer(answers, store, "bob", "event:read", ID_255.toLowerCase());
		answer(answers, store, "bob", "event:read", ID_255 + " ");
		answer(answers, store, "bob", "event:read", ID_256);
		answer(answers, store, "bob", "event:read", "x".repeat(5000));
		answer(answers, store, "bob", "event:read", "é");
		answer(answers, store, "bob", "event:read", "e");
		answer(answers, store, "bob", "event:read", "É");
		answer(answers, store, "bob", "event:read", "😀");
		answer(answers, store, "bob", "event:read", "ok");
		answer(answers, store, "u".repeat(300), "event:read", "1");
		answer(answers, store, "carol", "event:update", "1");
		answer(answers, store, "Carol", "event:update", "1");
		answers.add("editors: " + store.manager()
			.check(Subject.of("dave").withGroups("editors", "Editors ", "g".repeat(300)), "event:update",
					Resource.of("event", "1")));
		answers.add("grants of admin: " + store.grants().permissionsOf(Grantee.user("admin")).size());
		answers.add("grants of bob: " + store.grants().permissionsOf(Grantee.user("bob")).size());
		return answers;
	}

	private static void answer(List<String> answers, Store store, String user, String permission, String id) {
		String shownId = (id.length() > 20) ? id.substring(0, 4) + "…(" + id.length() + ")" : id;
		answers.add("'" + ((user.length() > 20) ? "…(" + user.length() + ")" : user) + "' " + permission + " '"
				+ shownId + "': " + store.manager().check(Subject.of(user), permission, Resource.of("event", id)));
	}

	private static List<String> expected() {
		return List.of("'Admin' event:read 'A': true", "'admin' event:read 'A': false", "'ADMIN' event:read 'A': false",
				"'Admin ' event:read 'A': false", "'Admin' event:read 'a': false", "'Admin' event:read 'A ': false",
				"'bob ' event:read '1': true", "'bob' event:read '1': false", "'bob' event:read 'iiii…(255)': true",
				"'bob' event:read 'iiii…(255)': false", "'bob' event:read 'iiii…(256)': false",
				"'bob' event:read 'iiii…(256)': false", "'bob' event:read 'xxxx…(5000)': false",
				"'bob' event:read 'é': true", "'bob' event:read 'e': false", "'bob' event:read 'É': false",
				"'bob' event:read '😀': true", "'bob' event:read 'ok': false", "'…(300)' event:read '1': false",
				"'carol' event:update '1': true", "'Carol' event:update '1': false", "editors: false",
				"grants of admin: 0", "grants of bob: 3");
	}

}
