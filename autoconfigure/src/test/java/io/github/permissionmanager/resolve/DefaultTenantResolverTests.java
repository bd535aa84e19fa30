package io.github.permissionmanager.resolve;

import java.util.Map;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default tenant resolver reads the configured header, JWT claim or path variable.
 */
class DefaultTenantResolverTests {

	private final Subject alice = Subject.of("alice").withAttribute("org", "claimed");

	private final PermissionContext context = PermissionContext.builder()
		.pathVariables(Map.of("tenant", "from-path"))
		.build();

	@AfterEach
	void unbind() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void nothingConfiguredResolvesNoTenant() {
		DefaultTenantResolver resolver = new DefaultTenantResolver(null, null, null);
		assertThat(resolver.isConfigured()).isFalse();
		assertThat(resolver.resolveTenant(this.alice, this.context)).isNull();
	}

	@Test
	void headerIsReadFromTheCurrentRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Tenant", "acme");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		assertThat(new DefaultTenantResolver("X-Tenant", null, null).resolveTenant(this.alice, this.context))
			.isEqualTo("acme");
	}

	@Test
	void claimIsReadFromTheSubjectsAttributes() {
		assertThat(new DefaultTenantResolver(null, "org", null).resolveTenant(this.alice, this.context))
			.isEqualTo("claimed");
	}

	@Test
	void pathVariableIsReadFromTheContext() {
		assertThat(new DefaultTenantResolver(null, null, "tenant").resolveTenant(this.alice, this.context))
			.isEqualTo("from-path");
	}

	@Test
	void headerAbsentFallsBackToTheNextSource() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		assertThat(new DefaultTenantResolver("X-Tenant", "org", "tenant").resolveTenant(this.alice, this.context))
			.isEqualTo("claimed");
	}

}
