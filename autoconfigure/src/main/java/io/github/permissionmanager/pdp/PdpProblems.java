package io.github.permissionmanager.pdp;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.Assert;

/**
 * The decision point's RFC 9457 problems, in one shape for every refusal: those of its
 * Spring Security filter chain (no or bad credentials: 401; access denied: 403) and those
 * of its endpoints (bad input: 400 with the {@code field} at fault, and the rest). A
 * problem never carries an exception message, a class name or a grant.
 */
public final class PdpProblems {

	private final PdpJson json;

	private final String challenge;

	private final String askForCredentials;

	private final String oneCredential;

	/**
	 * Create the problems of a decision point that accepts bearer tokens and API keys in
	 * the {@code X-Api-Key} header.
	 * @param json writes them
	 */
	public PdpProblems(PdpJson json) {
		this(json, "X-Api-Key", true);
	}

	/**
	 * Create the problems, whose 401s name the credentials the decision point accepts.
	 * @param json writes them
	 * @param apiKeyHeader the header of the API keys, or {@code null} when none is
	 * configured
	 * @param bearer whether bearer tokens (JWTs) are accepted
	 */
	public PdpProblems(PdpJson json, @Nullable String apiKeyHeader, boolean bearer) {
		Assert.notNull(json, "json cannot be null");
		Assert.isTrue(bearer || (apiKeyHeader != null && !apiKeyHeader.isBlank()),
				"a decision point accepts bearer tokens or API keys");
		this.json = json;
		String apiKey = (apiKeyHeader != null && !apiKeyHeader.isBlank())
				? "an API key in the " + apiKeyHeader + " header" : null;
		// a 401 carries a challenge (RFC 9110); an API key has no registered scheme, so
		// it is named
		this.challenge = bearer ? "Bearer" : "ApiKey header=\"" + apiKeyHeader + "\"";
		if (apiKey == null) {
			this.askForCredentials = "Authenticate as a service: send a bearer token.";
			this.oneCredential = this.askForCredentials;
		}
		else if (bearer) {
			this.askForCredentials = "Authenticate as a service: send a bearer token or " + apiKey + ".";
			this.oneCredential = "Send an API key or a bearer token, not both.";
		}
		else {
			this.askForCredentials = "Authenticate as a service: send " + apiKey + ".";
			this.oneCredential = "Send the API key alone: this decision point takes no Authorization header.";
		}
	}

	/**
	 * What a caller without credentials is told: the credentials this decision point
	 * accepts.
	 * @return the problem's detail
	 */
	public String askForCredentials() {
		return this.askForCredentials;
	}

	/**
	 * Answer 401 with a challenge naming what this decision point accepts.
	 * @param request the request
	 * @param response the response
	 * @param detail what the caller is told
	 * @throws IOException when the response cannot be written
	 */
	public void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, this.challenge);
		write(request, response, HttpStatus.UNAUTHORIZED, detail);
	}

	/**
	 * Answer 401 to a request that sends an API key and an Authorization header.
	 * @param request the request
	 * @param response the response
	 * @throws IOException when the response cannot be written
	 */
	void twoCredentials(HttpServletRequest request, HttpServletResponse response) throws IOException {
		unauthorized(request, response, this.oneCredential);
	}

	/**
	 * A problem body.
	 * @param status the status
	 * @param detail what the caller is told
	 * @param instance the request path
	 * @param field the field at fault, or {@code null}
	 * @return the JSON bytes
	 */
	public byte[] body(HttpStatus status, String detail, String instance, @Nullable String field) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", instance);
		if (field != null && !field.isEmpty()) {
			problem.put("field", field);
		}
		return this.json.write(problem);
	}

	/**
	 * Write a problem as the response.
	 * @param request the request
	 * @param response the response
	 * @param status the status
	 * @param detail what the caller is told
	 * @throws IOException when the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		byte[] body = body(status, detail, request.getRequestURI(), null);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * Answers a request without valid credentials: 401, with a challenge.
	 * @return the entry point
	 */
	public AuthenticationEntryPoint entryPoint() {
		return (request, response, ex) -> unauthenticated(request, response, ex);
	}

	/**
	 * Answers a request its credentials do not let through: 403.
	 * @return the handler
	 */
	public AccessDeniedHandler accessDeniedHandler() {
		return (request, response, ex) -> write(request, response, HttpStatus.FORBIDDEN,
				"The caller may not use this decision point.");
	}

	private void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		unauthorized(request, response, (ex instanceof InsufficientAuthenticationException) ? this.askForCredentials
				: "The credentials sent are not valid.");
	}

}
