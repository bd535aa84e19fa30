package io.github.permissionmanager.web;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.log.LogMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers the enforcement path's exceptions with {@code application/problem+json}: 403,
 * 401, 400, 404 and 503. It runs first ({@link Ordered#HIGHEST_PRECEDENCE}), so an
 * application's own {@code @ExceptionHandler(Exception.class)} cannot turn a denial into
 * a 500, and the exception never reaches Spring Security's filter chain, whose entry
 * point would answer differently.
 * <p>
 * The body is written with the application's own HTTP message converters (those of Spring
 * MVC), so it is formatted like every other problem response of the application; without
 * a converter that writes {@code application/problem+json}, with Spring's Jackson
 * converter (Jackson is on every Spring MVC application's classpath), and without Jackson
 * as the minimal problem (status and title).
 */
public class PermissionProblemExceptionResolver implements HandlerExceptionResolver, Ordered {

	private static final Log logger = LogFactory.getLog(PermissionProblemExceptionResolver.class);

	// the converter of an application whose own converters cannot write a problem, when
	// Jackson is there
	private static final @Nullable HttpMessageConverter<Object> JACKSON = jackson();

	private final PermissionProblems problems;

	private final Supplier<List<HttpMessageConverter<?>>> converters;

	/**
	 * Create a resolver that writes with Spring's Jackson converter.
	 * @param problems builds the problem for each exception
	 */
	public PermissionProblemExceptionResolver(PermissionProblems problems) {
		this(problems, List::of);
	}

	/**
	 * Create a resolver that writes with the given message converters.
	 * @param problems builds the problem for each exception
	 * @param converters supplies the application's message converters, looked up on first
	 * use
	 */
	public PermissionProblemExceptionResolver(PermissionProblems problems,
			Supplier<List<HttpMessageConverter<?>>> converters) {
		Assert.notNull(problems, "problems cannot be null");
		Assert.notNull(converters, "converters cannot be null");
		this.problems = problems;
		this.converters = SingletonSupplier.of(converters);
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		int status = SafeProblemWriting.status(ex);
		ProblemDetail problem;
		try {
			problem = this.problems.problemFor(ex);
		}
		// a problem builder of the application's that fails in any way: the minimal
		// problem
		catch (Exception | Error failure) {
			logger.debug("Could not build the problem response", failure);
			problem = null;
		}
		if (problem == null && status == 0) {
			return null;
		}
		if (response.isCommitted()) {
			// nothing more can be said; do not let the exception turn into another answer
			return new ModelAndView();
		}
		if (problem == null) {
			SafeProblemWriting.writeMinimal(response, status);
			return new ModelAndView();
		}
		try {
			log(problem.getStatus(), ex);
			problem.setInstance(SafeProblemWriting.instance(request.getRequestURI()));
			response.resetBuffer();
			response.setStatus(problem.getStatus());
			if (!writeWithConverter(problem, response)) {
				SafeProblemWriting.writeMinimal(response, problem.getStatus());
			}
			response.flushBuffer();
		}
		// writing a problem never fails: anything at all degrades to the minimal problem
		catch (Exception | Error writeFailure) {
			logger.debug("Could not write the problem response", writeFailure);
			SafeProblemWriting.writeMinimal(response, problem.getStatus());
		}
		return new ModelAndView();
	}

	@SuppressWarnings("unchecked")
	private boolean writeWithConverter(ProblemDetail problem, HttpServletResponse response) throws IOException {
		for (HttpMessageConverter<?> converter : this.converters.get()) {
			if (converter.canWrite(ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON)) {
				((HttpMessageConverter<Object>) converter).write(problem, MediaType.APPLICATION_PROBLEM_JSON,
						new ServletServerHttpResponse(response));
				return true;
			}
		}
		if (JACKSON != null) {
			JACKSON.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
			return true;
		}
		return false;
	}

	private static @Nullable HttpMessageConverter<Object> jackson() {
		return ClassUtils.isPresent("tools.jackson.databind.json.JsonMapper",
				PermissionProblemExceptionResolver.class.getClassLoader()) ? new JacksonJsonHttpMessageConverter()
						: null;
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
