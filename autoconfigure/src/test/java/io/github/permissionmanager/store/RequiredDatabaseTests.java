package io.github.permissionmanager.store;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A store suite whose server does not answer fails in CI and is skipped, with its reason,
 * elsewhere.
 */
class RequiredDatabaseTests {

	private static final String NOBODY = "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2";

	@Test
	void unreachableServerInCiFailsLoudly() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> RequiredDatabase.connect("Unreachable test server", NOBODY, "postgres", "", true))
			.withMessageContaining("Unreachable test server at " + NOBODY + " does not answer")
			.withMessageContaining("CI=true, so the Unreachable test server store suite must run");
	}

	@Test
	void unreachableServerOutsideCiSkipsWithTheReason() {
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> RequiredDatabase.connect("Unreachable test server", NOBODY, "postgres", "", false))
			.withMessageContaining("Unreachable test server at " + NOBODY + " does not answer");
	}

}
