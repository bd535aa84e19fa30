package io.github.permissionmanager.test;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * AssertJ assertions on what Permission Manager answered: a denial naming the missing
 * permissions and the resource, a 401, or the other RFC 9457 problems of a refused call.
 * Each refusal also asserts that the answer is an {@code application/problem+json} body.
 */
public final class PermissionProblemAssert extends AbstractAssert<PermissionProblemAssert, MvcResult> {

	private static final JsonMapper json = JsonMapper.builder().build();

	PermissionProblemAssert(MvcResult actual) {
		super(actual, PermissionProblemAssert.class);
	}

	/**
	 * Verify that the call was denied (403) for missing exactly these permissions.
	 * @param permissions the missing permissions, in any order
	 * @return this, to name the resource with {@link #on(String, Object)}
	 */
	public PermissionProblemAssert isDeniedFor(String... permissions) {
		problem(HttpStatus.FORBIDDEN);
		List<String> missing = new ArrayList<>();
		body().path("missingPermissions").forEach((permission) -> missing.add(permission.asString()));
		Assertions.assertThat(missing)
			.as("missing permissions of the denial of %s", request())
			.containsExactlyInAnyOrder(permissions);
		return this;
	}

	/**
	 * Verify that the denial was about this resource.
	 * @param type the resource type
	 * @param id the object's id ({@code 7} and {@code "7"} name the same object)
	 * @return this
	 */
	public PermissionProblemAssert on(String type, Object id) {
		JsonNode resource = body().path("resource");
		Assertions.assertThat(resource.path("type").asString(null))
			.as("resource type of %s", request())
			.isEqualTo(type);
		Assertions.assertThat(resource.path("id").asString(null))
			.as("resource id of %s", request())
			.isEqualTo(String.valueOf(id));
		return this;
	}

	/**
	 * Verify that the denial was about a resource type, with no object named.
	 * @param type the resource type
	 * @return this
	 */
	public PermissionProblemAssert onType(String type) {
		JsonNode resource = body().path("resource");
		Assertions.assertThat(resource.path("type").asString(null))
			.as("resource type of %s", request())
			.isEqualTo(type);
		Assertions.assertThat(resource.has("id")).as("resource of %s names an id", request()).isFalse();
		return this;
	}

	/**
	 * Verify that the problem's detail (the catalog's user message on a denial) is this.
	 * @param detail the detail
	 * @return this
	 */
	public PermissionProblemAssert hasDetail(String detail) {
		Assertions.assertThat(body().path("detail").asString(null)).as("detail of %s", request()).isEqualTo(detail);
		return this;
	}

	/**
	 * Verify that the call was refused because nobody is authenticated (401), whoever
	 * answered: Permission Manager (a problem body) or the authentication entry point of
	 * Spring Security's filter chain (often no body at all).
	 * @return this
	 */
	public PermissionProblemAssert isUnauthorized() {
		isNotNull();
		int status = this.actual.getResponse().getStatus();
		if (status != HttpStatus.UNAUTHORIZED.value()) {
			failWithMessage("Expected %s to answer 401, but it answered %s: %s", request(), status, content());
		}
		return this;
	}

	/**
	 * Verify that the call was refused because the object looked up does not exist, or
	 * the URL disagrees with it (404).
	 * @return this
	 */
	public PermissionProblemAssert isNotFound() {
		problem(HttpStatus.NOT_FOUND);
		return this;
	}

	/**
	 * Verify that the call was refused for a missing, ambiguous or unconvertible value
	 * (400).
	 * @return this
	 */
	public PermissionProblemAssert isBadRequest() {
		problem(HttpStatus.BAD_REQUEST);
		return this;
	}

	/**
	 * Verify that the call was refused because the decision could not be made (503).
	 * @return this
	 */
	public PermissionProblemAssert isUnavailable() {
		problem(HttpStatus.SERVICE_UNAVAILABLE);
		return this;
	}

	/**
	 * Verify that the call was let through: a 2xx answer.
	 * @return this
	 */
	public PermissionProblemAssert isAllowed() {
		isNotNull();
		int status = this.actual.getResponse().getStatus();
		if (!HttpStatus.valueOf(status).is2xxSuccessful()) {
			failWithMessage("Expected %s to be allowed, but it answered %s: %s", request(), status, content());
		}
		return this;
	}

	private void problem(HttpStatus expected) {
		isNotNull();
		int status = this.actual.getResponse().getStatus();
		if (status != expected.value()) {
			failWithMessage("Expected %s to answer %s, but it answered %s: %s", request(), expected.value(), status,
					content());
		}
		String contentType = this.actual.getResponse().getContentType();
		if (contentType == null
				|| !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
			failWithMessage(
					"Expected %s to answer Permission Manager's application/problem+json body, but it answered "
							+ "%s%s",
					request(), contentType,
					(status == 403) ? " (a 403 without a problem body comes from Spring Security: a missing CSRF "
							+ "token, with(csrf()), or a rule of the filter chain)" : "");
		}
	}

	private JsonNode body() {
		return json.readTree(content());
	}

	private String content() {
		try {
			return this.actual.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String request() {
		return this.actual.getRequest().getMethod() + " " + this.actual.getRequest().getRequestURI();
	}

}
