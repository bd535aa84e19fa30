package io.github.permissionmanager.connect;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * The return path of a sign-in in progress, kept in the session (where Spring Security
 * keeps the authorization request too) from the sign-in URL to the way back.
 */
final class ConnectionReturn {

	private static final String ATTRIBUTE = ConnectionReturn.class.getName() + ".";

	private ConnectionReturn() {
	}

	static void remember(HttpServletRequest request, String registrationId, @Nullable String returnTo) {
		if (returnTo != null) {
			request.getSession().setAttribute(ATTRIBUTE + registrationId, returnTo);
			return;
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(ATTRIBUTE + registrationId);
		}
	}

	static @Nullable String take(HttpServletRequest request, String registrationId) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Object returnTo = session.getAttribute(ATTRIBUTE + registrationId);
		session.removeAttribute(ATTRIBUTE + registrationId);
		// checked again: a session attribute is only as safe as whoever wrote it
		return (returnTo instanceof String path && ReturnTo.isSafe(path)) ? path : null;
	}

}
