package io.github.permissionmanager.pdp;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The decision point's 401s name the credentials it accepts: bearer tokens only, API keys
 * only (in the configured header), or both; and it cannot be made to accept neither.
 */
class PdpProblemsTests {

	@Test
	void bearerOnlyNamesNoApiKey() throws Exception {
		MockHttpServletResponse response = unauthenticated(new PdpProblems(new PdpJson(), null, true));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(response.getContentAsString())
			.contains("\"detail\":\"Authenticate as a service: send a bearer token.\"")
			.doesNotContain("API key");
	}

	@Test
	void apiKeysOnlyNameTheirHeaderAndNoBearerToken() throws Exception {
		PdpProblems problems = new PdpProblems(new PdpJson(), "X-Caller-Key", false);
		MockHttpServletResponse response = unauthenticated(problems);
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-Caller-Key\"");
		assertThat(response.getContentAsString())
			.contains("\"detail\":\"Authenticate as a service: send an API key in the X-Caller-Key header.\"")
			.doesNotContainIgnoringCase("bearer");
		MockHttpServletResponse both = new MockHttpServletResponse();
		problems.twoCredentials(new MockHttpServletRequest("POST", "/pdp/v1/check"), both);
		assertThat(both.getStatus()).isEqualTo(401);
		assertThat(both.getContentAsString()).doesNotContainIgnoringCase("bearer");
	}

	@Test
	void bothNameBoth() throws Exception {
		PdpProblems problems = new PdpProblems(new PdpJson(), "X-Api-Key", true);
		assertThat(problems.askForCredentials())
			.isEqualTo("Authenticate as a service: send a bearer token or an API key in the X-Api-Key header.");
		MockHttpServletResponse response = new MockHttpServletResponse();
		problems.entryPoint()
			.commence(new MockHttpServletRequest("POST", "/pdp/v1/check"), response,
					new BadCredentialsException("bad"));
		assertThat(response.getContentAsString()).contains("The credentials sent are not valid.")
			.doesNotContain("bad\"");
	}

	@Test
	void neitherIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PdpProblems(new PdpJson(), null, false));
		assertThatIllegalArgumentException().isThrownBy(() -> new PdpProblems(new PdpJson(), " ", false));
	}

	private static MockHttpServletResponse unauthenticated(PdpProblems problems) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		problems.entryPoint()
			.commence(new MockHttpServletRequest("POST", "/pdp/v1/check"), response,
					new InsufficientAuthenticationException("none"));
		return response;
	}

}
