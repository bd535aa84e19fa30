package io.github.permissionmanager.store;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.InvalidGrantException;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conditional grants on one database: the condition stored with the grant and in the
 * audit trail, part of the grant's identity, validated before anything is written,
 * evaluated fail-closed at check time over the attributes supplied with the check, left
 * out of object lists, and the migration of tables made before conditions. The same suite
 * runs on H2, PostgreSQL and MariaDB.
 */
abstract class AbstractConditionalGrantTests extends AbstractPermissionStoreTests {

	private static final String DRAFT = "resource.status == 'draft'";

	@Test
	void grantWithConditionIsStoredReadBackAndAudited() {
		Grant grant = Grant.of(Grantee.user("bob"), "document:update").on("document").when(DRAFT);
		this.grants.grant(grant);
		assertThat(this.grants.permissionsOf(Grantee.user("bob"))).containsExactly(grant);
		assertThat(this.jdbc.sql("SELECT grant_condition FROM " + this.tables.audit()).query(String.class).list())
			.containsExactly(DRAFT);
		this.grants.grant(grant);
		assertThat(rows(this.tables.grants())).isEqualTo(1);
	}

	@Test
	void conditionIsPartOfTheIdentitySoARevokeOfTheUnconditionalGrantLeavesTheConditionalOne() {
		Grant always = Grant.of(Grantee.user("bob"), "document:update").on("document");
		Grant conditional = always.when(DRAFT);
		this.grants.grantAll(List.of(always, conditional));
		assertThat(rows(this.tables.grants())).isEqualTo(2);
		this.grants.revoke(always);
		assertThat(this.grants.permissionsOf(Grantee.user("bob"))).containsExactly(conditional);
		Resource final7 = Resource.of("document", 7).withAttribute("status", "final");
		assertThat(this.manager.check("bob", "document:update", final7)).isFalse();
		assertThat(this.manager.check("bob", "document:update", final7.withAttribute("status", "draft"))).isTrue();
	}

	@Test
	void checkWhenTheConditionHoldsOnJustInTimeAttributesThenAllowsAndExplainNamesIt() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "document:update").on("document").when(DRAFT));
		Resource draft = Resource.of("document", 7).withAttribute("status", "draft");
		assertThat(this.manager.check("bob", "document:update", draft)).isTrue();
		Decision explained = this.manager.explain(Subject.of("bob"), "document:update", draft);
		assertThat(explained.reason()).isEqualTo(
				"granted 'document:update' to user 'bob' on every document when 'resource.status == 'draft'' held");
		assertThat(explained.grant()).isNotNull();
		Decision refused = this.manager.explain(Subject.of("bob"), "document:update",
				draft.withAttribute("status", "final"));
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.reason()).endsWith("; granted 'document:update' to user 'bob' on every document when "
				+ "'resource.status == 'draft'' did not hold");
	}

	@Test
	void permitsSeedExampleJustInTimeUserAndResourceAttributesInATenant() {
		this.grants.grant(Grant.of(Grantee.group("staff"), "document:read")
			.on("document")
			.inTenant("awesome_inc")
			.when("subject.location == 'England' and subject.department == 'Engineering' "
					+ "and resource.hasApproval == 'true'"));
		Subject john = Subject.of("john@permit.io")
			.withGroups("staff")
			.withAttribute("location", "England")
			.withAttribute("department", "Engineering");
		Resource approved = Resource.ofType("document").withTenant("awesome_inc").withAttribute("hasApproval", "true");
		assertThat(this.manager.check(john, "document:read", approved)).isTrue();
		assertThat(this.manager.check(john, "document:read", approved.withTenant("other_inc"))).isFalse();
		assertThat(this.manager.check(john, "document:read", approved.withTenant(null))).isFalse();
		assertThat(this.manager.check(john.withAttribute("department", "Sales"), "document:read", approved)).isFalse();
		assertThat(this.manager.check(john, "document:read", approved.withAttribute("hasApproval", "false"))).isFalse();
		// a boolean true is not the text 'true': conditions compare what they are given
		assertThat(this.manager.check(john, "document:read", approved.withAttribute("hasApproval", true))).isFalse();
		assertThat(this.manager.check(Subject.of("john@permit.io")
			.withAttribute("location", "England")
			.withAttribute("department", "Engineering"), "document:read", approved)).isFalse();
	}

	@Test
	void conditionsReadTheBuiltInNamesBeforeAttributesOfTheSameName() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "document:read")
			.on("document")
			.when("resource.id == '7' and subject.id == 'bob' and resource['type'] == 'document'"));
		assertThat(this.manager.check("bob", "document:read", Resource.of("document", 7))).isTrue();
		assertThat(this.manager.check("bob", "document:read", Resource.of("document", 8).withAttribute("id", "7")))
			.isFalse();
		assertThat(this.manager.check(Subject.of("bob").withAttribute("id", "alice"), "document:read",
				Resource.of("document", 7)))
			.isTrue();
	}

	@Test
	void checkWhenTheConditionThrowsAnswersNoBooleanOrReadsAMissingAttributeThenTheGrantDoesNotApply() {
		this.grants.grantAll(List.of(
				Grant.of(Grantee.user("bob"), "document:read")
					.on("document")
					.when("resource.title.substring(50) == ''"),
				Grant.of(Grantee.user("bob"), "document:read").on("document").when("resource.title"),
				Grant.of(Grantee.user("bob"), "document:read").on("document").when("resource.status != 'final'"),
				Grant.of(Grantee.user("bob"), "document:read").on("document").when("1 / resource.zero == 1")));
		Resource document = Resource.of("document", 7).withAttribute("title", "short").withAttribute("zero", 0);
		assertThat(this.manager.check("bob", "document:read", document)).isFalse();
		Decision explained = this.manager.explain(Subject.of("bob"), "document:read", document);
		assertThat(explained.allowed()).isFalse();
		assertThat(explained.reason()).contains("when 'resource.title.substring(50) == ''' failed (")
			.contains("when 'resource.title' answered a String, not a boolean")
			.contains("when 'resource.status != 'final'' failed (")
			.contains("when '1 / resource.zero == 1' failed (");
		// the one attribute the third condition needs makes it hold
		assertThat(this.manager.check("bob", "document:read", document.withAttribute("status", "draft"))).isTrue();
	}

	@Test
	void grantWhenTheConditionIsInvalidThenRejectedWithThePositionAndNothingIsWritten() {
		Grant good = Grant.of(Grantee.user("bob"), "document:read");
		assertThatExceptionOfType(InvalidGrantException.class)
			.isThrownBy(() -> this.grants.grantAll(List.of(good, good.on("document").when("resource.status =="))))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("condition"))
			.withMessageStartingWith("condition 'resource.status ==' does not parse at position ");
		assertThatExceptionOfType(InvalidGrantException.class)
			.isThrownBy(() -> this.grants.grant(good.when("T(java.lang.Runtime).getRuntime() != null")))
			.withMessage("condition 'T(java.lang.Runtime).getRuntime() != null' uses a type reference at position 0,"
					+ " which conditions do not allow");
		assertThatExceptionOfType(InvalidGrantException.class)
			.isThrownBy(() -> this.grants.grant(good.when("resource.id == 'a' or new java.io.File('x') != null")))
			.withMessageContaining("uses a constructor at position 22");
		assertThatExceptionOfType(InvalidGrantException.class)
			.isThrownBy(() -> this.grants.grant(good.when("@grants != null")))
			.withMessageContaining("uses a bean reference at position 1");
		assertThatExceptionOfType(InvalidGrantException.class)
			.isThrownBy(() -> this.grants.grant(good.when("#x = true")))
			.withMessageContaining("uses an assignment");
		assertThatExceptionOfType(InvalidGrantException.class)
			.isThrownBy(() -> this.grants.grant(good.when("true or " + "x".repeat(1000))))
			.withMessage("condition is longer than 1000 characters");
		assertThat(rows(this.tables.grants())).isZero();
		assertThat(rows(this.tables.audit())).isZero();
	}

	@Test
	void objectIdsNeverListAnObjectOnlyAConditionalGrantAllows() {
		this.grants.grantAll(List.of(Grant.of(Grantee.user("bob"), "document:read").on("document", 1),
				Grant.of(Grantee.user("bob"), "document:read").on("document", 2).when("true")));
		assertThat(this.manager.check("bob", "document:read", Resource.of("document", 2))).isTrue();
		assertThat(this.manager.objectIds(Subject.of("bob"), "document:read", "document")).containsExactly("1");
	}

	@Test
	void tablesMadeBeforeConditionsStopTheStartUntilTheMigrationScriptRuns() throws Exception {
		String oldPrefix = tablePrefix() + "old_";
		StoreTables old = new StoreTables(oldPrefix);
		String schemaScript = PermissionStoreSchemaInitializer.schemaScript(this.dataSource, null);
		String schema = read(schemaScript);
		StringBuilder before = new StringBuilder();
		for (String line : schema.split("\n")) {
			if (!line.contains("grant_condition")) {
				before.append(line).append('\n');
			}
		}
		try {
			run(old.rewrite(before.toString()));
			JdbcClient jdbc = JdbcClient.create(this.dataSource);
			assertThatExceptionOfType(StoreConfigurationException.class)
				.isThrownBy(() -> GrantConditionColumn.require(jdbc, old, schemaScript))
				.withMessageContaining("has no column grant_condition")
				.withMessageContaining("Run " + schemaScript.replace("schema-", "migrate-grant-condition-") + " once");
			run(old.rewrite(read(schemaScript.replace("schema-", "migrate-grant-condition-"))));
			GrantConditionColumn.require(jdbc, old, schemaScript);
		}
		finally {
			dropTables(this.dataSource, oldPrefix);
		}
	}

	private static String read(String location) throws Exception {
		return StreamUtils.copyToString(new DefaultResourceLoader().getResource(location).getInputStream(),
				StandardCharsets.UTF_8);
	}

	private void run(String script) {
		new ResourceDatabasePopulator(new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)))
			.execute(this.dataSource);
	}

}
