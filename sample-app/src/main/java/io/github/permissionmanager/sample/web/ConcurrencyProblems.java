package io.github.permissionmanager.sample.web;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a write that lost a race with another request (the row it changes was changed
 * or deleted meanwhile) with a 409 problem instead of a 500.
 */
@RestControllerAdvice
class ConcurrencyProblems {

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail conflict(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Another request changed or deleted this resource at the same time; reload it and try again.");
		problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
		return problem;
	}

}
