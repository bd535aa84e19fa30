package io.github.permissionmanager.autoconfigure;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.InvalidGrantException;
import io.github.permissionmanager.InvalidPoliciesException;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * User sets and resource sets of configuration (Permit's named conditions), named by
 * grant conditions and static grants: membership decides, JIT attributes override the
 * persisted ones, anything unclear (a missing set, a failing set condition, a missing
 * attribute) means the grant does not apply, lists never count on them, and the start
 * fails listing every problem of the sets and the grants naming them.
 */
class PolicySetsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class,
				PermissionManagerAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"permission-manager.resource-sets.draft-documents.type=document",
				"permission-manager.resource-sets.draft-documents.when=resource.status == 'draft'",
				"permission-manager.user-sets.engineers.when=subject.department == 'Engineering'",
				"permission-manager.static-grants[0].user=ann",
				"permission-manager.static-grants[0].permission=document:read",
				"permission-manager.static-grants[0].resource-type=document",
				"permission-manager.static-grants[0].resource-set=draft-documents",
				"permission-manager.static-grants[1].group=staff",
				"permission-manager.static-grants[1].permission=document:update",
				"permission-manager.static-grants[1].resource-type=document",
				"permission-manager.static-grants[1].resource-id=7",
				"permission-manager.static-grants[1].user-set=engineers",
				"permission-manager.static-grants[1].resource-set=draft-documents",
				"permission-manager.static-grants[1].when=resource.owner == subject.id");

	@Test
	void aStaticGrantNamingAResourceSetAppliesToTheSetsResourcesOnly() {
		this.contextRunner.run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			Resource draft = Resource.of("document", 1).withAttribute("status", "draft");
			assertThat(permissions.check("ann", "document:read", draft)).isTrue();
			assertThat(permissions.check("ann", "document:read",
					Resource.of("document", 1).withAttribute("status", "published")))
				.isFalse();
			// no status: not known to be a draft
			assertThat(permissions.check("ann", "document:read", Resource.of("document", 1))).isFalse();
			assertThat(permissions.check("bob", "document:read", draft)).isFalse();
			assertThat(permissions.explain("ann", "document:read", Resource.of("document", 2)).reason())
				.contains("resourceSets['draft-documents']")
				.contains("failed");
		});
	}

	@Test
	void userSetResourceSetAndConditionMustAllHold() {
		this.contextRunner.run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			Subject engineer = Subject.of("eve").withGroups("staff").withAttribute("department", "Engineering");
			Resource mine = Resource.of("document", 7).withAttribute("status", "draft").withAttribute("owner", "eve");
			assertThat(permissions.check(engineer, "document:update", mine)).isTrue();
			assertThat(permissions.check(engineer.withAttribute("department", "Sales"), "document:update", mine))
				.isFalse();
			assertThat(permissions.check(engineer, "document:update", mine.withAttribute("status", "final"))).isFalse();
			assertThat(permissions.check(engineer, "document:update", mine.withAttribute("owner", "bob"))).isFalse();
			assertThat(permissions.check(Subject.of("eve").withGroups("staff"), "document:update", mine)).isFalse();
			// the grant names object 7; a set never widens the grant's scope
			assertThat(permissions.check(engineer, "document:update",
					Resource.of("document", 8).withAttribute("status", "draft").withAttribute("owner", "eve")))
				.isFalse();
			// a list never counts on a condition, a set's included
			assertThat(permissions.objectIds(engineer, "document:update", "document")).isEmpty();
		});
	}

	@Test
	void storedGrantsNameSetsInTheirConditionsAndAreCheckedWhenGiven() {
		this.contextRunner.run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			PermissionGrants grants = context.getBean(PermissionGrants.class);
			grants.grant(Grant.of(Grantee.user("carl"), "document:delete")
				.on("document")
				.when("resourceSets['draft-documents'] and userSets.engineers"));
			Subject carl = Subject.of("carl").withAttribute("department", "Engineering");
			assertThat(permissions.check(carl, "document:delete",
					Resource.of("document", 3).withAttribute("status", "draft")))
				.isTrue();
			// a resource of another type is not in a document set
			grants.grant(Grant.of(Grantee.user("carl"), "report:delete").when("resourceSets['draft-documents']"));
			assertThat(
					permissions.check(carl, "report:delete", Resource.of("report", 3).withAttribute("status", "draft")))
				.isFalse();
			assertThat(permissions.check(carl, "report:delete", null)).isFalse();
			// negated, a set whose condition fails is still an error, never an allow
			grants.grant(Grant.of(Grantee.user("carl"), "document:archive")
				.on("document")
				.when("!resourceSets['draft-documents']"));
			assertThat(permissions.check(carl, "document:archive", Resource.of("document", 3))).isFalse();
			assertThat(permissions.check(carl, "document:archive",
					Resource.of("document", 3).withAttribute("status", "final")))
				.isTrue();
			assertThatExceptionOfType(InvalidGrantException.class)
				.isThrownBy(() -> grants.grant(Grant.of(Grantee.user("carl"), "document:read")
					.when("subject.id == 'carl' and resourceSets['drafts']")))
				.withMessageContaining("names resource set 'drafts' at position 25, which is not configured");
			assertThatExceptionOfType(InvalidGrantException.class).isThrownBy(() -> grants.grant(
					Grant.of(Grantee.user("carl"), "event:read").on("event").when("resourceSets['draft-documents']")))
				.withMessageContaining("a set of document resources, but the grant is on event resources");
			assertThatExceptionOfType(InvalidGrantException.class)
				.isThrownBy(() -> grants
					.grant(Grant.of(Grantee.user("carl"), "document:read").when("userSets[subject.department]")))
				.withMessageContaining("names a set by an expression at position 0");
			assertThatExceptionOfType(InvalidGrantException.class)
				.isThrownBy(
						() -> grants.grant(Grant.of(Grantee.user("carl"), "document:read").when("#userSets != null")))
				.withMessageContaining("names a set by an expression at position 0");
		});
	}

	@Test
	void aGrantNamingASetThatIsNoLongerConfiguredDoesNotApply() {
		String url = "spring.datasource.url=jdbc:h2:mem:policy-sets-removed;DB_CLOSE_DELAY=-1";
		this.contextRunner.withPropertyValues(url, "spring.datasource.generate-unique-name=false")
			.run((context) -> context.getBean(PermissionGrants.class)
				.grant(Grant.of(Grantee.user("dan"), "document:read").when("!resourceSets['draft-documents']")));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class,
					PermissionManagerAutoConfiguration.class))
			.withPropertyValues(url)
			.run((context) -> {
				PermissionManager permissions = context.getBean(PermissionManager.class);
				assertThat(context.getBean(PermissionGrants.class).permissionsOf(Grantee.user("dan"))).hasSize(1);
				assertThat(permissions.check("dan", "document:read",
						Resource.of("document", 1).withAttribute("status", "final")))
					.isFalse();
				assertThat(permissions.explain("dan", "document:read", Resource.of("document", 1)).reason())
					.contains("no resource set 'draft-documents' is configured");
			});
	}

	@Test
	void invalidSetsStopTheStartListingEveryProblem() {
		this.contextRunner
			.withPropertyValues("permission-manager.resource-sets.untyped.when=resource.status == 'draft'",
					"permission-manager.resource-sets.broken.type=document",
					"permission-manager.resource-sets.broken.when=resource.status ==",
					"permission-manager.resource-sets.sneaky.type=document",
					"permission-manager.resource-sets.sneaky.when=T(java.lang.Runtime).getRuntime() != null",
					"permission-manager.resource-sets.nested.type=document",
					"permission-manager.resource-sets.nested.when=resourceSets['draft-documents'] and true",
					"permission-manager.resource-sets.mine.type=document",
					"permission-manager.resource-sets.mine.when=resource.owner == subject.id",
					"permission-manager.user-sets.editors.when=resource.status == 'draft'",
					"permission-manager.user-sets.empty.when= ")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidPoliciesException.class)
					.hasMessageContaining("permission-manager.resource-sets.untyped.type: a resource set needs the "
							+ "resource type it is about")
					.hasMessageContaining("permission-manager.resource-sets.broken.when: 'resource.status ==' does "
							+ "not parse at position")
					.hasMessageContaining("permission-manager.resource-sets.sneaky.when: "
							+ "'T(java.lang.Runtime).getRuntime() != null' uses a type reference at position 0")
					.hasMessageContaining("permission-manager.resource-sets.nested.when: "
							+ "'resourceSets['draft-documents'] and true' names a set at position 0; a set cannot "
							+ "name other sets")
					.hasMessageContaining("permission-manager.resource-sets.mine.when: 'resource.owner == subject.id' "
							+ "reads subject at position 18; a resource set reads the resource and the context only")
					.hasMessageContaining("permission-manager.user-sets.editors.when: 'resource.status == 'draft'' "
							+ "reads resource at position 0; a user set reads the subject and the context only")
					.hasMessageContaining("permission-manager.user-sets.empty.when: a set needs a condition");
			});
	}

	@Test
	void staticGrantsNamingUnknownSetsOrSetsOfAnotherTypeStopTheStart() {
		this.contextRunner
			.withPropertyValues("permission-manager.static-grants[2].user=x",
					"permission-manager.static-grants[2].permission=a",
					"permission-manager.static-grants[2].resource-set=drafts",
					"permission-manager.static-grants[3].user=x", "permission-manager.static-grants[3].permission=a",
					"permission-manager.static-grants[3].resource-type=event",
					"permission-manager.static-grants[3].resource-set=draft-documents",
					"permission-manager.static-grants[4].user=x", "permission-manager.static-grants[4].permission=a",
					"permission-manager.static-grants[4].user-set=admins")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidPoliciesException.class)
					.hasMessageContaining("permission-manager.static-grants[2]: condition "
							+ "'resourceSets['drafts']' names resource set 'drafts' at position 0, which is not configured")
					.hasMessageContaining("permission-manager.static-grants[3]: condition "
							+ "'resourceSets['draft-documents']' names resource set 'draft-documents' at position 0, a set "
							+ "of document resources, but the grant is on event resources")
					.hasMessageContaining("permission-manager.static-grants[4]: condition 'userSets['admins']' names "
							+ "user set 'admins' at position 0, which is not configured");
			});
	}

	@Test
	void aMisspelledKeyOfASetOrAStaticGrantStopsTheStart() {
		// dropped, the misspelled key would widen the set or make the grant unconditional
		this.contextRunner.withPropertyValues("permission-manager.resource-sets.draft-documents.typ=document")
			.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("typ"));
		this.contextRunner.withPropertyValues("permission-manager.static-grants[0].resource-st=draft-documents")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("resource-st"));
	}

}
