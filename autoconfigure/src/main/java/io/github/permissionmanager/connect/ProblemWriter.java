package io.github.permissionmanager.connect;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the problem response of one of Permission Manager's exceptions from a filter, as
 * the web layer writes it for a handler.
 */
@FunctionalInterface
public interface ProblemWriter {

	/**
	 * Answer a request with the problem of an exception.
	 * @param request the request
	 * @param response the response
	 * @param ex the exception
	 */
	void write(HttpServletRequest request, HttpServletResponse response, Exception ex);

}
