package io.github.permissionmanager.connect;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Where the browser may be sent back to after signing in to a connection: only a path of
 * this application, never another origin. {@code /calendar?week=3} is safe;
 * {@code https://evil.example}, {@code //evil.example}, {@code /\evil.example},
 * {@code /%2F%2Fevil.example} (which some servers decode into {@code //}), a scheme, a
 * backslash, whitespace or a control character anywhere are not.
 */
public final class ReturnTo {

	/** The query parameter of a sign-in URL that names the return path. */
	public static final String PARAMETER = "return-to";

	private static final int MAX_LENGTH = 2048;

	private ReturnTo() {
	}

	/**
	 * Whether a return path is safe to redirect to.
	 * @param value the path, as the request carried it (decoded once)
	 * @return whether it is a path of this application
	 */
	public static boolean isSafe(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !plain(value, false)) {
			return false;
		}
		String decoded;
		try {
			decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		// decoded, an encoded space is only a space; anything else still counts
		return relativePath(value) && plain(decoded, true) && decoded.startsWith("/") && !decoded.startsWith("//");
	}

	private static boolean plain(String value, boolean spaces) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (spaces && c == ' ') {
				continue;
			}
			if (c <= 0x20 || c == 0x7F || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
				return false;
			}
		}
		return true;
	}

	private static boolean relativePath(String value) {
		if (!value.startsWith("/") || value.startsWith("//")) {
			return false;
		}
		try {
			URI uri = new URI(value);
			return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
					&& uri.getRawPath().startsWith("/");
		}
		catch (Exception ex) {
			return false;
		}
	}

}
