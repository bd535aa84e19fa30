package io.github.permissionmanager.filtertest;

import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Permitted} handler parameters over real HTTP: the current user's rows, paged by
 * the database; the request's tenant from the tenant resolver of annotated checks, or
 * each row's own; an anonymous caller refused with a 401 problem before the handler runs.
 */
class PermittedWebTests {

	private static ConfigurableApplicationContext context;

	private static Http http;

	private PermissionGrants grants;

	private final List<Grant> given = new ArrayList<>();

	@BeforeAll
	static void start() {
		context = FilterTestApplication.start(WebApplicationType.SERVLET,
				"jdbc:h2:mem:permitted-web-tests;DB_CLOSE_DELAY=-1", "sa", "pwt_",
				"permission-manager.tenant.path-variable=tenant", "permission-manager.filter.max-object-ids=2");
		http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@BeforeEach
	void beans() {
		this.grants = context.getBean(PermissionGrants.class);
	}

	@AfterEach
	void revoke() {
		this.grants.revokeAll(this.given);
		this.given.clear();
	}

	private void grant(Grant... grants) {
		this.grants.grantAll(List.of(grants));
		this.given.addAll(List.of(grants));
	}

	private static Grant bob(String type, Object id) {
		return Grant.of(Grantee.user("bob"), "doc:read").on(type, id);
	}

	@Test
	void theCurrentUsersRowsOfEitherResourceArePagedByTheDatabase() {
		grant(bob("doc", 3), bob("doc", 9), bob("folder", 2), Grant.of(Grantee.user("carol"), "doc:read").on("doc", 4));
		// folder 2 holds the documents whose id modulo 6 is 1 (7 has no folder)
		assertThat(http.get("bob", "/docs?sort=id").body()).isEqualTo("[1,3,9,13,19,25]");
		assertThat(http.get("bob", "/docs?sort=id&page=1&size=4").body()).isEqualTo("[19,25]");
		assertThat(http.get("carol", "/docs").body()).isEqualTo("[4]");
	}

	@Test
	void theRequestsTenantComesFromTheTenantResolverOfAnnotatedChecks() {
		grant(bob("doc", 1), bob("doc", 2).inTenant("acme"), bob("doc", 3).inTenant("acme"),
				bob("doc", 4).inTenant("globex"));
		assertThat(http.get("bob", "/tenants/acme/docs?sort=id").body()).isEqualTo("[1,2,3]");
		assertThat(http.get("bob", "/tenants/globex/docs?sort=id").body()).isEqualTo("[1,4]");
		// the tenant is the path variable alone: a parameter of the same name is
		// ambiguous
		assertThat(http.get("bob", "/tenants/globex/docs?tenant=acme").statusCode()).isEqualTo(400);
	}

	@Test
	void eachRowsTenantIsReadFromTheAttributeNamed() {
		// documents 1 to 4 are in tenants t2, T1, "t1 " and t1
		grant(bob("doc", 1).inTenant("t2"), bob("doc", 2).inTenant("t1"), bob("doc", 4).inTenant("t1"), bob("doc", 5));
		assertThat(http.get("bob", "/docs/in-their-tenants?sort=id").body()).isEqualTo("[1,4,5]");
	}

	@Test
	void anAnonymousCallerIsRefusedBeforeTheHandlerRuns() {
		var response = http.get(null, "/docs");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

}
