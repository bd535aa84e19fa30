package io.github.permissionmanager.resolve;

import java.util.Map;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The default tenant resolver reads the configured header, JWT claim and path variable,
 * and sources that disagree are a denial: a header never outranks a claim or the path.
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
		assertThat(new DefaultTenantResolver("X-Tenant", "org", null).resolveTenant(this.alice, this.context))
			.isEqualTo("claimed");
	}

	@Test
	void sourcesThatAgreeNameTheirTenant() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Tenant", "from-path");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		Subject claimed = Subject.of("alice").withAttribute("org", "from-path");
		assertThat(new DefaultTenantResolver("X-Tenant", "org", "tenant").resolveTenant(claimed, this.context))
			.isEqualTo("from-path");
	}

	@Test
	void headerThatDisagreesWithTheClaimOrThePathIsADenial() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Tenant", "acme");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		assertThatExceptionOfType(PermissionDeniedException.class)
			.isThrownBy(
					() -> new DefaultTenantResolver("X-Tenant", "org", null).resolveTenant(this.alice, this.context))
			.withMessageContaining("claim 'org' says 'claimed', header 'X-Tenant' 'acme'");
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(
				() -> new DefaultTenantResolver("X-Tenant", null, "tenant").resolveTenant(this.alice, this.context));
	}

	@Test
	void claimThatDisagreesWithThePathIsADenial() {
		assertThatExceptionOfType(PermissionDeniedException.class)
			.isThrownBy(() -> new DefaultTenantResolver(null, "org", "tenant").resolveTenant(this.alice, this.context));
	}

	@Test
	void tenantPathVariableAlsoGivenAsAParameterIsAmbiguous() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addParameter("tenant", "acme");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		assertThatExceptionOfType(PermissionContextException.class)
			.isThrownBy(() -> new DefaultTenantResolver(null, null, "tenant").resolveTenant(this.alice, this.context));
	}

}
