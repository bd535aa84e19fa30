package io.github.permissionmanager.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.ConnectionRequiredException;
import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The fallbacks that keep writing a problem from ever failing: an {@code instance} built
 * from any request URI (one that {@link URI} rejects is percent-encoded, else left out),
 * the status of each of Permission Manager's exceptions known without the problem
 * builder, and a minimal body written by hand when the full one cannot be.
 */
final class SafeProblemWriting {

	private SafeProblemWriting() {
	}

	static @Nullable URI instance(@Nullable String requestUri) {
		if (requestUri == null) {
			return null;
		}
		try {
			return URI.create(requestUri);
		}
		catch (IllegalArgumentException ex) {
			// Tomcat's relaxed-path-chars let through what java.net.URI refuses: encode
			// it
			try {
				return URI.create(encode(requestUri));
			}
			catch (IllegalArgumentException again) {
				return null;
			}
		}
	}

	private static String encode(String path) {
		StringBuilder encoded = new StringBuilder(path.length() + 16);
		for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	/**
	 * The status of one of Permission Manager's exceptions.
	 * @param ex the exception
	 * @return the status, or {@code 0} when the exception is not one of them
	 */
	static int status(Exception ex) {
		if (ex instanceof PermissionDeniedException || ex instanceof ConnectionRequiredException) {
			return 403;
		}
		if (ex instanceof AuthenticationRequiredException) {
			return 401;
		}
		if (ex instanceof PermissionContextException context) {
			return context.getReason().status();
		}
		if (ex instanceof PermissionEvaluationException) {
			return 503;
		}
		return 0;
	}

	/**
	 * Write the smallest problem there is: its status and title. Never throws.
	 * @param response the response
	 * @param status the status
	 */
	static void writeMinimal(HttpServletResponse response, int status) {
		try {
			response.resetBuffer();
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			// a status and its reason phrase (plain words): no JSON writer needed, none
			// that could fail
			HttpStatus known = HttpStatus.resolve(status);
			String title = (known != null) ? known.getReasonPhrase() : "Error";
			response.getOutputStream()
				.write(("{\"title\":\"" + title + "\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8));
			response.flushBuffer();
		}
		catch (Exception | Error ex) {
			// the status is what is left to say; a body that cannot be written must not
			// become a 500
			try {
				response.setStatus(status);
			}
			catch (RuntimeException ignored) {
				// the response is gone
			}
		}
	}

}
