package io.github.permissionmanager.autoconfigure;

import java.util.List;
import java.util.Set;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.GrantSource;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.TokenSubjects;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision sources beside the store: static grants from configuration, permissions from a
 * JWT claim and an application's {@link GrantSource}, united with the store's grants (an
 * allow from any source), each named by {@code explain}; a revoke changes the store only;
 * invalid static grants stop the start; a failing source never allows.
 */
class DecisionSourcesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class,
				PermissionManagerAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"permission-manager.static-grants[0].user=admin", "permission-manager.static-grants[0].permission=*",
				"permission-manager.static-grants[1].group=auditors",
				"permission-manager.static-grants[1].permission=report:read",
				"permission-manager.static-grants[1].resource-type=report",
				"permission-manager.static-grants[1].tenant=acme", "permission-manager.static-grants[2].user=ann",
				"permission-manager.static-grants[2].permission=document:read",
				"permission-manager.static-grants[2].resource-type=document",
				"permission-manager.static-grants[2].when=resource.status == 'draft'");

	@Test
	void staticGrantsAllowWithTheStoresAndExplainNamesTheirSource() {
		this.contextRunner.run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			PermissionGrants grants = context.getBean(PermissionGrants.class);
			assertThat(permissions.check("admin", "anything:at:all")).isTrue();
			assertThat(permissions.explain("admin", "event:delete", Resource.of("event", 1)).reason())
				.isEqualTo("granted '*' to user 'admin' on every resource, from source 'static'");
			Subject auditor = Subject.of("eve").withGroups("auditors");
			assertThat(permissions.check(auditor, "report:read", Resource.of("report", 3).withTenant("acme"))).isTrue();
			assertThat(permissions.check(auditor, "report:read", Resource.of("report", 3).withTenant("globex")))
				.isFalse();
			assertThat(permissions.check("ann", "document:read",
					Resource.of("document", 1).withAttribute("status", "draft")))
				.isTrue();
			assertThat(permissions.check("ann", "document:read", Resource.of("document", 1))).isFalse();
			// a store membership counts for static group grants too
			grants.addMember("auditors", "bob");
			assertThat(permissions.check("bob", "report:read", Resource.of("report", 3).withTenant("acme"))).isTrue();
			// the store's own grants add to them; a revoke takes back the store's only
			grants.grant(Grant.of(Grantee.user("admin"), "*"));
			grants.grant(Grant.of(Grantee.user("eve"), "report:write"));
			assertThat(permissions.check("eve", "report:write")).isTrue();
			assertThat(permissions.explain("eve", "report:write").reason())
				.isEqualTo("granted 'report:write' to user 'eve' on every resource");
			grants.revoke(Grant.of(Grantee.user("admin"), "*"));
			assertThat(permissions.check("admin", "anything")).isTrue();
			assertThat(grants.permissionsOf(Grantee.user("admin"))).isEmpty();
		});
	}

	@Test
	void invalidStaticGrantsStopTheStartListingEveryProblem() {
		this.contextRunner
			.withPropertyValues("permission-manager.static-grants[3].user=x",
					"permission-manager.static-grants[3].group=y", "permission-manager.static-grants[3].permission=a",
					"permission-manager.static-grants[4].user=x", "permission-manager.static-grants[4].permission=a",
					"permission-manager.static-grants[4].when=T(java.lang.System).exit(1) == 0",
					"permission-manager.static-grants[5].user=x", "permission-manager.static-grants[5].permission=a",
					"permission-manager.static-grants[5].resource-id=7")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("permission-manager.static-grants[3]: set exactly one of user and group")
				.hasMessageContaining("permission-manager.static-grants[4]: condition "
						+ "'T(java.lang.System).exit(1) == 0' uses a type reference at position 0")
				.hasMessageContaining("permission-manager.static-grants[5]: resourceId requires a resourceType"));
	}

	@Test
	void permissionsOfAVerifiedTokensClaimAreGlobalGrantsReadAtEveryCheck() {
		this.contextRunner
			.withPropertyValues("permission-manager.jwt.permissions-claim=scope",
					"permission-manager.jwt.permissions-prefix=pm:")
			.run((context) -> {
				PermissionManager permissions = context.getBean(PermissionManager.class);
				// what the subject resolver does for an authenticated JWT
				TokenSubjects tokens = context.getBean(TokenSubjects.class);
				Subject carol = token(tokens,
						Subject.of("carol").withAttribute("scope", "openid pm:board:read pm: profile"));
				assertThat(permissions.check(carol, "board:read", Resource.of("board", 5).withTenant("acme"))).isTrue();
				assertThat(permissions.explain(carol, "board:read", null).reason())
					.isEqualTo("granted 'board:read' to user 'carol' on every resource, from JWT claim 'scope'");
				// values without the prefix, and the next token's claims, are what they
				// say
				assertThat(permissions.check(carol, "openid", null)).isFalse();
				assertThat(permissions.check(carol, "profile", null)).isFalse();
				assertThat(
						permissions.check(token(tokens, Subject.of("carol").withAttribute("scope", "pm:board:write")),
								"board:read", null))
					.isFalse();
				assertThat(permissions.check(
						token(tokens, Subject.of("carol").withAttribute("scope", List.of("pm:board:*"))),
						"board:delete", null))
					.isTrue();
				assertThat(permissions.check(token(tokens, Subject.of("carol").withAttribute("scope", 42)),
						"board:read", null))
					.isFalse();
				assertThat(permissions.check(token(tokens, Subject.of("carol")), "board:read", null)).isFalse();
			});
	}

	@Test
	void aSubjectNotBuiltFromAVerifiedTokenGetsNothingFromTheClaim() {
		this.contextRunner.withPropertyValues("permission-manager.jwt.permissions-claim=permissions").run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			TokenSubjects tokens = context.getBean(TokenSubjects.class);
			// request data an application put into a subject under the claim's name
			Subject forged = Subject.of("mallory").withAttribute("permissions", List.of("*"));
			assertThat(permissions.check(forged, "board:read", Resource.of("board", 5))).isFalse();
			assertThat(permissions.check(forged, "admin:anything", null)).isFalse();
			// equal to a verified subject is not the verified subject
			token(tokens, Subject.of("mallory").withAttribute("permissions", List.of("*")));
			assertThat(permissions.check(forged, "admin:anything", null)).isFalse();
			// nor is a copy of one with an attribute added
			Subject verified = token(tokens, Subject.of("eve").withAttribute("permissions", List.of("board:read")));
			assertThat(permissions.check(verified, "board:read", null)).isTrue();
			assertThat(permissions.check(verified.withAttribute("permissions", List.of("*")), "board:read", null))
				.isFalse();
		});
		// without a claim configured there is nothing to read a token's permissions
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TokenSubjects.class));
	}

	private static Subject token(TokenSubjects tokens, Subject subject) {
		tokens.verified(subject);
		return subject;
	}

	@Test
	void anApplicationsGrantSourceIsUnitedAndNamedAndOneThatFailsNeverAllows() {
		this.contextRunner.withBean(GrantSource.class, () -> new GrantSource() {

			@Override
			public String name() {
				return "ldap";
			}

			@Override
			public List<Grant> grants(String user, Set<String> groups) {
				if (user.equals("broken")) {
					throw new IllegalStateException("LDAP is down");
				}
				return List.of(Grant.of(Grantee.group("ops"), "server:restart").on("server"),
						Grant.of(Grantee.user("mallory"), "server:restart"));
			}

		}).run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			Subject dave = Subject.of("dave").withGroups("ops");
			assertThat(permissions.check(dave, "server:restart", Resource.of("server", 1))).isTrue();
			Decision explained = permissions.explain(dave, "server:restart", Resource.of("server", 1));
			assertThat(explained.reason())
				.isEqualTo("granted 'server:restart' to group 'ops' on every server, from source 'ldap'");
			// grants the source gives to someone else are not the subject's
			assertThat(permissions.check("dave", "server:restart", Resource.of("server", 1))).isFalse();
			assertThat(permissions.check(Subject.of("broken").withGroups("ops"), "server:restart",
					Resource.of("server", 1)))
				.isFalse();
			assertThat(permissions.explain("broken", "admin:anything").reason())
				.isEqualTo("evaluation failed: IllegalStateException");
		});
	}

}
