package io.github.permissionmanager.test;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Entry point of the AssertJ assertions on what Permission Manager answered to a MockMvc
 * request:
 *
 * <pre class="code">
 * assertThat(mvc.patch().uri("/sessions/4")).isDeniedFor("session:update").on("event", 2);
 * assertThat(result).isUnauthorized();
 * </pre>
 */
public final class PermissionAssertions {

	private PermissionAssertions() {
	}

	/**
	 * Assertions on the answer of a request made with Spring MVC's {@code MockMvcTester}.
	 * @param result the result
	 * @return the assertions
	 */
	public static PermissionProblemAssert assertThat(MvcTestResult result) {
		return new PermissionProblemAssert(result.getMvcResult());
	}

	/**
	 * Assertions on the answer of a request of Spring MVC's {@code MockMvcTester}, which
	 * this sends.
	 * @param request the request
	 * @return the assertions
	 */
	public static PermissionProblemAssert assertThat(MockMvcTester.MockMvcRequestBuilder request) {
		return assertThat(request.exchange());
	}

	/**
	 * Assertions on the answer of a request made with {@code MockMvc#perform}
	 * ({@code .andReturn()}).
	 * @param result the result
	 * @return the assertions
	 */
	public static PermissionProblemAssert assertThat(MvcResult result) {
		return new PermissionProblemAssert(result);
	}

}
