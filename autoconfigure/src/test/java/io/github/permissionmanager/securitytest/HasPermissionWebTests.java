package io.github.permissionmanager.securitytest;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @PreAuthorize("hasPermission(...)")} answered by Permission Manager over the
 * JDBC store: the id-and-type form and the domain-object form, grants to the user, to a
 * store group and to an authority group, roles, wildcards and tenants; denials answer the
 * same problem as {@code @RequiresPermissions}, never Spring's bare 403 or the
 * application's 500.
 */
class HasPermissionWebTests extends AbstractSecurityWebTests {

	@Autowired
	ProjectRepository projects;

	@BeforeEach
	void setUp() {
		this.projects.save(new Project(7L, "seven"));
		this.projects.save(new Project(8L, "eight"));
	}

	@Test
	void readWhenUserHoldsTheProjectGrantThenAllowed() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "project:read").on("project", 7));
		this.mvc.perform(get("/projects/7").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("project 7"));
		assertThat(this.calls.ran()).containsExactly("read 7");
	}

	@Test
	void readWhenUserHoldsTheGrantOnAnotherProjectThenForbiddenProblem() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "project:read").on("project", 8));
		this.mvc.perform(get("/projects/7").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Only project members can read a project."))
			.andExpect(jsonPath("$.missingPermissions").value(contains("project:read")))
			.andExpect(jsonPath("$.resource.type").value("project"))
			.andExpect(jsonPath("$.resource.id").value("7"))
			.andExpect(jsonPath("$.resolutionSteps[0]").value("Ask a project owner to add you."))
			.andExpect(jsonPath("$.caughtBy").doesNotExist());
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void readWhenAnonymousThenUnauthorizedProblem() throws Exception {
		this.mvc.perform(get("/projects/7"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void readWhenStoreGroupHoldsTheGrantThenAllowed() throws Exception {
		this.grants.grant(Grant.of(Grantee.group("reviewers"), "project:read").on("project", 7));
		this.grants.addMember("reviewers", "carol");
		this.mvc.perform(get("/projects/7").with(user("carol"))).andExpect(status().isOk());
		this.mvc.perform(get("/projects/7").with(user("bob"))).andExpect(status().isForbidden());
	}

	@Test
	void readWhenAuthorityGroupHoldsTheGrantThenAllowed() throws Exception {
		this.grants.grant(Grant.of(Grantee.group("reviewers"), "project:read").on("project", 7));
		this.mvc.perform(get("/projects/7").with(user("dave").authorities(() -> "GROUP_reviewers")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/projects/7").with(user("dave").authorities(() -> "ROLE_reviewers")))
			.andExpect(status().isForbidden());
	}

	@Test
	void readWhenTypeOrGlobalOrWildcardOrRoleGrantThenAllowed() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "project:read").on("project"));
		this.grants.grant(Grant.of(Grantee.user("carol"), "project:*"));
		this.grants.grant(Grant.of(Grantee.user("dave"), "maintainer").on("project", 7));
		this.mvc.perform(get("/projects/8").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/projects/8").with(user("carol"))).andExpect(status().isOk());
		this.mvc.perform(get("/projects/7").with(user("dave"))).andExpect(status().isOk());
		this.mvc.perform(get("/projects/8").with(user("dave"))).andExpect(status().isForbidden());
	}

	@Test
	void readInTenantFollowsTheTenantOfThePath() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "project:read").on("project", 7).inTenant("acme"));
		this.mvc.perform(get("/tenants/acme/projects/7").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/tenants/globex/projects/7").with(user("bob"))).andExpect(status().isForbidden());
	}

	@Test
	void renameChecksTheEntityByItsJpaId() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "project:update").on("project", 7));
		this.mvc.perform(put("/projects/7").content("renamed").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(put("/projects/8").content("renamed").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(contains("project:update")))
			.andExpect(jsonPath("$.resource.id").value("8"));
		assertThat(this.calls.ran()).containsExactly("rename 7");
		assertThat(this.projects.findById(8L)).get().extracting(Project::getName).isEqualTo("eight");
	}

	@Test
	void openChecksARecordByItsIdComponent() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "folder:read").on("folder", 3));
		this.mvc.perform(get("/folders/3").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/folders/4").with(user("bob"))).andExpect(status().isForbidden());
	}

	@Test
	void openWhenTheObjectHasNoIdYetThenForbiddenEvenWithATypeGrant() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "folder:read").on("folder"));
		this.mvc.perform(get("/folders/new").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(contains("folder:read")));
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void readWhenTheStoreFailsThenServiceUnavailableNeverTheApplicationsServerError() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "project:read").on("project", 7));
		this.evaluator.broken(true);
		this.mvc.perform(get("/projects/7").with(user("bob")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.caughtBy").doesNotExist())
			.andExpect(content().string(not(containsString("secret"))));
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void negatedHasPermissionWhenTheStoreFailsThenServiceUnavailableNotAnAllow() throws Exception {
		// bob owns no project: the negated check lets him in
		this.mvc.perform(get("/projects/7/suggestions").with(user("bob"))).andExpect(status().isOk());
		this.evaluator.broken(true);
		this.mvc.perform(get("/projects/8/suggestions").with(user("bob")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.caughtBy").doesNotExist());
		assertThat(this.calls.ran()).containsExactly("suggestions 7");
	}

	@Test
	void auditWhenTheStoreFailsThenServiceUnavailableEvenIfAnotherClauseWouldAllow() throws Exception {
		this.evaluator.broken(true);
		this.mvc.perform(get("/audits/7").with(user("erin").roles("AUDITOR")))
			.andExpect(status().isServiceUnavailable());
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void hasPermissionWithANullIdThenForbiddenEvenWithAGlobalGrant() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "project:read"));
		this.mvc.perform(get("/projects/lookup").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.missingPermissions").value(contains("project:read")));
		this.mvc.perform(get("/projects/lookup").param("projectId", "7").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.calls.ran()).containsExactly("suggestions -1");
	}

	@Test
	void readWhenTheAuthenticationHasNoNameThenUnauthorizedProblem() throws Exception {
		// allowed by its group, were the missing name not taken for nobody
		this.grants.grant(Grant.of(Grantee.group("reviewers"), "project:read"));
		this.mvc
			.perform(get("/projects/7").with(authentication(UsernamePasswordAuthenticationToken.authenticated("", "n/a",
					List.of(new SimpleGrantedAuthority("GROUP_reviewers"))))))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void auditWhenAnotherClauseOfTheExpressionAllowsThenAllowed() throws Exception {
		this.mvc.perform(get("/audits/7").with(user("erin").roles("AUDITOR"))).andExpect(status().isOk());
		assertThat(this.calls.ran()).containsExactly("audit 7");
	}

}
