package io.github.permissionmanager.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.log.LogMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.Assert;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers the enforcement path's exceptions with {@code application/problem+json}: 403, 401,
 * 400, 404 and 503. It runs first ({@link Ordered#HIGHEST_PRECEDENCE}), so an application's
 * own {@code @ExceptionHandler(Exception.class)} cannot turn a denial into a 500, and the
 * exception never reaches Spring Security's filter chain, whose entry point would answer
 * differently.
 */
public class PermissionProblemExceptionResolver implements HandlerExceptionResolver, Ordered {

	private static final Log logger = LogFactory.getLog(PermissionProblemExceptionResolver.class);

	private final PermissionProblems problems;

	/**
	 * Create a resolver.
	 * @param problems builds the problem for each exception
	 */
	public PermissionProblemExceptionResolver(PermissionProblems problems) {
		Assert.notNull(problems, "problems cannot be null");
		this.problems = problems;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		ProblemDetail problem = this.problems.problemFor(ex);
		if (problem == null || response.isCommitted()) {
			return null;
		}
		log(problem.getStatus(), ex);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		try {
			response.resetBuffer();
			response.setStatus(problem.getStatus());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getOutputStream().write(ProblemJson.write(body).getBytes(StandardCharsets.UTF_8));
			response.flushBuffer();
		}
		catch (IOException writeFailure) {
			logger.debug("Could not write the problem response", writeFailure);
		}
		return new ModelAndView();
	}

	private static void log(int status, Exception ex) {
		if (status >= 500) {
			logger.warn(ex.getMessage(), ex.getCause());
		}
		else if (logger.isDebugEnabled()) {
			// commons-logging's SLF4J bridge formats a message before checking the level
			logger.debug(LogMessage.format("%d: %s", status, ex.getMessage()));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
