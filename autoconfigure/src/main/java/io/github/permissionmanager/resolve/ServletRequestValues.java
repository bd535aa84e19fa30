package io.github.permissionmanager.resolve;

import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionContextException.Reason;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@link RequestValues} over the Servlet request bound to the current thread by Spring
 * MVC.
 */
final class ServletRequestValues implements RequestValues {

	// HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, written out so spring-webmvc stays
	// optional
	private static final String URI_TEMPLATE_VARIABLES = "org.springframework.web.servlet.HandlerMapping.uriTemplateVariables";

	private final HttpServletRequest request;

	// The URI template variables, read once: a guarded call reads them for each key and
	// again for its context, and each read passes every request wrapper
	private @Nullable Map<String, String> uriVariables;

	private ServletRequestValues(HttpServletRequest request) {
		this.request = request;
	}

	static @Nullable RequestValues current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return new ServletRequestValues(servlet.getRequest());
		}
		return null;
	}

	@Override
	public String httpMethod() {
		return this.request.getMethod();
	}

	@Override
	public @Nullable String uriVariable(String name) {
		return uriVariables().get(name);
	}

	@Override
	public @Nullable String parameter(String name) {
		String[] values = this.request.getParameterValues(name);
		if (values == null || values.length == 0) {
			return null;
		}
		if (values.length > 1) {
			// the check and the handler could read different copies: refuse rather than
			// guess
			throw new PermissionContextException(Reason.INVALID_VALUE, null,
					"Request parameter '" + name + "' is given " + values.length + " times");
		}
		return values[0];
	}

	@Override
	public @Nullable String header(String name) {
		Enumeration<String> values = this.request.getHeaders(name);
		if (values == null || !values.hasMoreElements()) {
			return null;
		}
		String first = values.nextElement();
		if (values.hasMoreElements()) {
			// a reader of the first copy and a reader of all of them would disagree
			throw new PermissionContextException(Reason.INVALID_VALUE, null,
					"Request header '" + name + "' is given more than once");
		}
		return first;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Map<String, String> uriVariables() {
		Map<String, String> read = this.uriVariables;
		if (read == null) {
			Object variables = this.request.getAttribute(URI_TEMPLATE_VARIABLES);
			read = (variables instanceof Map<?, ?> map) ? (Map<String, String>) map : Map.of();
			this.uriVariables = read;
		}
		return read;
	}

	@Override
	public Map<String, List<String>> parameters() {
		Map<String, String[]> parameters = this.request.getParameterMap();
		if (parameters.isEmpty()) {
			return Map.of();
		}
		Map<String, List<String>> copy = new LinkedHashMap<>();
		parameters.forEach((name, values) -> copy.put(name, Arrays.asList(values)));
		return copy;
	}

	@Override
	public @Nullable Object getAttribute(String name) {
		return this.request.getAttribute(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		this.request.setAttribute(name, value);
	}

}
