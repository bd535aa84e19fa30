package io.github.permissionmanager.connect;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The servlet request the current thread serves, if any, as sign-in URLs need it: its
 * context path, and where a GET request came from, to come back to it. Outside a servlet
 * application (or a request) there is none.
 *
 * @param contextPath the application's context path ({@code ""} at the root)
 * @param returnTo the path and query of a GET request within the application, or
 * {@code null} for other methods
 */
record CurrentRequest(String contextPath, @Nullable String returnTo) {

	private static final boolean SERVLET = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest", null)
			&& ClassUtils.isPresent("org.springframework.web.context.request.RequestContextHolder", null);

	static @Nullable CurrentRequest get() {
		return SERVLET ? Servlet.current() : null;
	}

	private static final class Servlet {

		static @Nullable CurrentRequest current() {
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			if (!(attributes instanceof ServletRequestAttributes servlet)) {
				return null;
			}
			HttpServletRequest request = servlet.getRequest();
			String contextPath = request.getContextPath();
			if (!"GET".equals(request.getMethod())) {
				return new CurrentRequest(contextPath, null);
			}
			String path = request.getRequestURI().substring(contextPath.length());
			String query = request.getQueryString();
			return new CurrentRequest(contextPath, (query != null) ? path + "?" + query : path);
		}

	}

}
