package io.github.permissionmanager.reliability;

import com.zaxxer.hikari.HikariDataSource;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.testsupport.OpenWebSecurity;
import io.github.permissionmanager.testsupport.TestUsers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The application the reliability suite runs: the real JDBC grant store and default
 * evaluator behind a {@link SwitchableDataSource} (which can be taken down) and a
 * {@link SwitchableEvaluator} (which can be made to throw or abstain), guarded
 * controllers and services, and HTTP Basic users whose password is their name (anonymous
 * requests reach the handlers, so Permission Manager's own 401 answers them).
 */
@SpringBootApplication
@EnableAsync
@Import(OpenWebSecurity.class)
public class ReliabilityApplication {

	static final String[] USERS = { "alice", "bob", "dave" };

	@Bean
	SwitchableDataSource dataSource(@Value("${reliability.datasource.url}") String url,
			@Value("${reliability.datasource.username:sa}") String username,
			@Value("${reliability.datasource.password:}") String password) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(username);
		pool.setPassword(password);
		pool.setMaximumPoolSize(8);
		pool.setConnectionTimeout(2000);
		return new SwitchableDataSource(pool);
	}

	@Bean
	SwitchableEvaluator switchableEvaluator(GrantSnapshotCache snapshots) {
		return new SwitchableEvaluator(snapshots);
	}

	@Bean
	Probe probe() {
		return new Probe();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class WebSecurity {

		@Bean
		UserDetailsService users() {
			return TestUsers.passwordIsName(USERS);
		}

	}

}
