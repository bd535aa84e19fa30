package io.github.permissionmanager.resolve;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The parts of the current HTTP request that context resolution reads. Hides the Servlet
 * API and WebFlux's exchange, so an application without them (a batch job calling guarded
 * services) never loads them.
 */
public interface RequestValues {

	/**
	 * The HTTP method, upper case.
	 * @return the method
	 */
	String httpMethod();

	/**
	 * A URI template variable of the handler mapping that matched.
	 * @param name the variable name
	 * @return its value, or {@code null}
	 */
	@Nullable String uriVariable(String name);

	/**
	 * A request parameter given once.
	 * @param name the parameter name
	 * @return its value, or {@code null} when absent
	 * @throws io.github.permissionmanager.PermissionContextException when it is given
	 * more than once, since the check and the method could then read different values
	 */
	@Nullable String parameter(String name);

	/**
	 * A request header given once.
	 * @param name the header name
	 * @return its value, or {@code null}
	 * @throws io.github.permissionmanager.PermissionContextException when it is given
	 * more than once, since readers of the first copy and of all of them would disagree
	 */
	@Nullable String header(String name);

	/**
	 * Every URI template variable.
	 * @return the variables
	 */
	Map<String, String> uriVariables();

	/**
	 * Every request parameter.
	 * @return the parameters
	 */
	Map<String, List<String>> parameters();

	/**
	 * A request attribute, for values memoized for the rest of the request.
	 * @param name the attribute name
	 * @return its value, or {@code null}
	 */
	@Nullable Object getAttribute(String name);

	/**
	 * Set a request attribute.
	 * @param name the attribute name
	 * @param value its value
	 */
	void setAttribute(String name, Object value);

	/**
	 * The current request, when the caller runs inside one: the one bound by a reactive
	 * call ({@link RequestBinding}), else the servlet request of the thread.
	 * @return the request, or {@code null} outside an HTTP request (or without the
	 * Servlet API)
	 */
	static @Nullable RequestValues current() {
		RequestValues bound = RequestBinding.current();
		if (bound != null) {
			return bound;
		}
		return Holder.SERVLET_PRESENT ? ServletRequestValues.current() : null;
	}

	/**
	 * Whether the Servlet API and Spring Web are present; read once.
	 */
	final class Holder {

		static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
				RequestValues.class.getClassLoader())
				&& ClassUtils.isPresent("org.springframework.web.context.request.RequestContextHolder",
						RequestValues.class.getClassLoader());

		private Holder() {
		}

	}

}
