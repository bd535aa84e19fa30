package io.github.permissionmanager.reactive;

import java.net.URI;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.web.PermissionProblems;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers the refusals of reactive guarded methods with the same RFC 9457 problems as in
 * a servlet application: 403, 401, 400, 404 and 503. It is the first controller advice,
 * so an application's own {@code @ExceptionHandler(Exception.class)} cannot turn a
 * refusal into a 500, and the refusal never reaches Spring Security's web filter, which
 * would answer without a body.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReactivePermissionProblems {

	private static final Log logger = LogFactory.getLog(ReactivePermissionProblems.class);

	private final PermissionProblems problems;

	/**
	 * Create the advice.
	 * @param problems builds the problem for each refusal
	 */
	public ReactivePermissionProblems(PermissionProblems problems) {
		Assert.notNull(problems, "problems cannot be null");
		this.problems = problems;
	}

	/**
	 * The problem response for a refusal.
	 * @param ex the refusal
	 * @param exchange the current exchange
	 * @return the response
	 */
	@ExceptionHandler({ PermissionDeniedException.class, AuthenticationRequiredException.class,
			PermissionContextException.class, PermissionEvaluationException.class })
	public ResponseEntity<ProblemDetail> handle(Exception ex, ServerWebExchange exchange) {
		ProblemDetail problem = this.problems.problemFor(ex);
		if (problem == null) {
			// not reachable for the handled types; never answer anything but a refusal
			problem = ProblemDetail.forStatus(503);
		}
		if (problem.getStatus() >= 500) {
			logger.warn(ex.getMessage(), ex.getCause());
		}
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
