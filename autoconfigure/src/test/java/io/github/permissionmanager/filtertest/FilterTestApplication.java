package io.github.permissionmanager.filtertest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.github.permissionmanager.store.CountingDataSource;
import io.github.permissionmanager.store.MutableClock;
import io.github.permissionmanager.testsupport.OpenWebSecurity;
import io.github.permissionmanager.testsupport.TestUsers;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The application the filter tests run: documents, folders and notes in JPA (tables under
 * a prefix of the run's own, so builds sharing a database server never meet), the real
 * grant store and default evaluator, a {@link CountingDataSource} to count statements and
 * a {@link MutableClock} to expire grants; as a web application, {@link DocController}
 * behind open security (Permission Manager answers anonymous callers).
 */
@SpringBootApplication
@Import(OpenWebSecurity.class)
public class FilterTestApplication {

	/**
	 * Documents 1 to 30; those whose id is a multiple of 7 have no folder, code or uuid.
	 */
	public static final int DOCS = 30;

	/**
	 * The tenants of documents, in turn: two that differ only by case, one by a trailing
	 * space.
	 */
	public static final String TENANTS = "t1,t2,T1,t1 ";

	/** Folders 1 to 6. */
	public static final int FOLDERS = 6;

	/**
	 * Start the application on a database.
	 * @param url the JDBC URL
	 * @param user the user
	 * @param prefix the table prefix of this run (grant tables and entity tables)
	 * @param properties more properties
	 * @return the context
	 */
	public static ConfigurableApplicationContext start(String url, String user, String prefix, String... properties) {
		return start(WebApplicationType.NONE, url, user, prefix, properties);
	}

	/**
	 * Start the application on a database, as a web application or not.
	 * @param type the kind of application ({@code SERVLET}: on a random port, serving
	 * {@link DocController})
	 * @param url the JDBC URL
	 * @param user the user
	 * @param prefix the table prefix of this run (grant tables and entity tables)
	 * @param properties more properties
	 * @return the context
	 */
	public static ConfigurableApplicationContext start(WebApplicationType type, String url, String user, String prefix,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("filtertest.datasource.url=" + url,
				"filtertest.datasource.username=" + user, "filtertest.table-prefix=" + prefix,
				"permission-manager.store.table-prefix=" + prefix, "permission-manager.store.initialize-schema=always",
				"spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"permission-manager.roles.viewer=doc:read,folder:read",
				"permission-manager.roles.editor=viewer,doc:write,folder:*",
				"permission-manager.roles.owner=editor,doc:delete:*", "permission-manager.roles.root=*"));
		all.addAll(List.of(properties));
		all.add("server.port=0");
		return new SpringApplicationBuilder(FilterTestApplication.class).web(type)
			.properties(all.toArray(String[]::new))
			.run();
	}

	/**
	 * The id of a document as a UUID.
	 * @param id the document id
	 * @return its UUID
	 */
	public static UUID uuidOf(long id) {
		return new UUID(0xabcdefL, id);
	}

	@Bean
	MutableClock clock() {
		return new MutableClock(Instant.now());
	}

	@Bean
	CountingDataSource dataSource(@Value("${filtertest.datasource.url}") String url,
			@Value("${filtertest.datasource.username}") String username) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(username);
		pool.setPassword("");
		pool.setMaximumPoolSize(6);
		return new CountingDataSource(pool);
	}

	@Bean
	HibernatePropertiesCustomizer prefixedTables(@Value("${filtertest.table-prefix}") String prefix) {
		return (properties) -> properties.put("hibernate.physical_naming_strategy",
				new PhysicalNamingStrategySnakeCaseImpl() {

					@Override
					public Identifier toPhysicalTableName(Identifier logicalName, JdbcEnvironment environment) {
						Identifier name = super.toPhysicalTableName(logicalName, environment);
						return Identifier.toIdentifier(prefix + name.getText(), name.isQuoted());
					}

				});
	}

	/**
	 * The users of the web application: bob and carol, each with its name as password.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class Users {

		@Bean
		UserDetailsService users() {
			return TestUsers.passwordIsName("bob", "carol");
		}

	}

	@Bean
	DemoRows demoRows(FolderRepository folders, DocRepository docs, NoteRepository notes) {
		return new DemoRows(folders, docs, notes);
	}

}
