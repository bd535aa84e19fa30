package io.github.permissionmanager.test;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.test.readme.TaskApplication;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WithPermissions} grants for one test and takes back exactly what it gave: the
 * next test sees none of it, and a grant held before is left alone. The tests run in
 * order, on one application context.
 */
@SpringBootTest(classes = TaskApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WithPermissionsTests {

	@Autowired
	PermissionManager permissions;

	@Autowired
	PermissionGrants grants;

	@Test
	@Order(1)
	void grantHeldBeforeTheTests() {
		this.grants.grant(Grant.of(Grantee.user("carol"), "task:update").on("project", 9));
	}

	@Test
	@Order(2)
	@WithMockUser("bob")
	@WithPermissions(value = "task:update", type = "project", id = { "7", "8" })
	@WithPermissions(value = "report:export")
	@WithPermissions(value = "task:update", type = "project", id = "9", user = "carol")
	@WithPermissions(value = "task:read", type = "project", group = "staff")
	void grantsOfTheAnnotationsHoldDuringTheTest() {
		assertThat(this.permissions.check("task:update", Resource.of("project", 7))).isTrue();
		assertThat(this.permissions.check("task:update", Resource.of("project", 8))).isTrue();
		assertThat(this.permissions.check("task:update", Resource.of("project", 6))).isFalse();
		assertThat(this.permissions.check("report:export")).isTrue();
		assertThat(this.permissions.check("carol", "task:update", Resource.of("project", 9))).isTrue();
		assertThat(this.grants.permissionsOf(Grantee.group("staff"))).hasSize(1);
	}

	@Test
	@Order(3)
	void afterTheTestTheyAreRevokedAndWhatWasHeldBeforeIsNot() {
		assertThat(this.grants.permissionsOf(Grantee.user("bob"))).isEmpty();
		assertThat(this.grants.permissionsOf(Grantee.group("staff"))).isEmpty();
		assertThat(this.permissions.check("bob", "task:update", Resource.of("project", 7))).isFalse();
		assertThat(this.grants.permissionsOf(Grantee.user("carol")))
			.containsExactly(Grant.of(Grantee.user("carol"), "task:update").on("project", 9));
	}

	@Test
	@Order(4)
	@WithMockUser("dave")
	@WithPermissions(value = "task:update", type = "project", id = "7", tenant = "acme")
	void tenantScopesTheGrant() {
		assertThat(this.permissions.check("task:update", Resource.of("project", 7).withTenant("acme"))).isTrue();
		assertThat(this.permissions.check("task:update", Resource.of("project", 7).withTenant("globex"))).isFalse();
	}

}
