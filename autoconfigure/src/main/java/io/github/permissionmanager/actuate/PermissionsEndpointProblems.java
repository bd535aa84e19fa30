package io.github.permissionmanager.actuate;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Answers a bad parameter of the {@code permissions} endpoint over Spring MVC with an RFC
 * 9457 problem (400, {@code application/problem+json}) whose {@code parameter} names the
 * one at fault, where Boot's Actuator would answer its own error body. Boot turns the
 * endpoint's {@link InvalidParameterException} into a {@code ResponseStatusException}
 * caused by it; only that cause is recognised, so other endpoints' errors are left to
 * Boot.
 */
public class PermissionsEndpointProblems implements HandlerExceptionResolver, Ordered {

	private static final Log logger = LogFactory.getLog(PermissionsEndpointProblems.class);

	private final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter();

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		InvalidParameterException invalid = invalidParameter(ex);
		if (invalid == null || response.isCommitted()) {
			return null;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				(invalid.getReason() != null) ? invalid.getReason() : "A parameter is not valid.");
		problem.setProperty("parameter", invalid.getParameter());
		try {
			problem
				.setInstance(URI.create(UriComponentsBuilder.fromPath(request.getRequestURI()).build().toUriString()));
		}
		catch (IllegalArgumentException ignored) {
			// an instance that is not a URI is left out
		}
		try {
			response.resetBuffer();
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			this.json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
			response.flushBuffer();
			return new ModelAndView();
		}
		catch (Exception | Error failure) {
			// Boot answers its own 400 instead
			logger.debug("Could not write the problem response", failure);
			return null;
		}
	}

	private static @Nullable InvalidParameterException invalidParameter(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof InvalidParameterException invalid) {
				return invalid;
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
