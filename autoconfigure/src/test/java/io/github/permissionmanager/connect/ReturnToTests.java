package io.github.permissionmanager.connect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return path after a sign-in is a path of this application or nothing: every way of
 * naming another origin is refused.
 */
class ReturnToTests {

	@ParameterizedTest
	@ValueSource(
			strings = { "/", "/sessions/7", "/calendar?week=3&day=mon", "/a/b%20c", "/search?q=a:b", "/docs#section" })
	void pathsOfThisApplicationAreSafe(String path) {
		assertThat(ReturnTo.isSafe(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example", "http://evil.example/sessions", "//evil.example",
			"//evil.example/sessions", "/\\evil.example", "\\\\evil.example", "/%2F%2Fevil.example",
			"/%2f/evil.example", "/%5Cevil.example", "javascript:alert(1)", "evil.example", "sessions/7", "",
			" /sessions", "/sessions\r\nLocation: https://evil.example", "/sessions\tx", "/%0d%0aSet-Cookie:x=y",
			"///evil.example", "/\u2028evil", "/%E0%A4%A" })
	void everythingElseIsRefused(String path) {
		assertThat(ReturnTo.isSafe(path)).isFalse();
	}

	@org.junit.jupiter.api.Test
	void nullAndTooLongAreRefused() {
		assertThat(ReturnTo.isSafe(null)).isFalse();
		assertThat(ReturnTo.isSafe("/" + "a".repeat(2048))).isFalse();
	}

}
