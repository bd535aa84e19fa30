package io.github.permissionmanager.connect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.github.permissionmanager.ConnectionCredentials;
import io.github.permissionmanager.KeyLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tokens are encrypted with AES-GCM: they round-trip, never encrypt twice the same way,
 * and a value altered or encrypted with another key does not decrypt. A bad key stops the
 * start with a message that says how to make one.
 */
class TokenCipherTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String OTHER_KEY = Base64.getEncoder().encodeToString(filled(32, (byte) 7));

	@Test
	void aTokenRoundTripsAndIsNotInTheCiphertext() {
		TokenCipher cipher = TokenCipher.of(KEY);
		byte[] token = "gho_16C7e42F292c6912E7710c838347Ae178B4a".getBytes(StandardCharsets.UTF_8);
		byte[] encrypted = cipher.encrypt(token, "calendar", "bob");
		assertThat(new String(encrypted, StandardCharsets.ISO_8859_1)).doesNotContain("gho_16C7e42F")
			.doesNotContain("bob");
		assertThat(cipher.decrypt(encrypted, "calendar", "bob")).isEqualTo(token);
		assertThat(cipher.encrypt(token, "calendar", "bob")).isNotEqualTo(encrypted);
		assertThat(cipher.decrypt(cipher.encrypt(new byte[0]))).isEmpty();
	}

	@Test
	void aValueDecryptsForItsOwnRowOnly() {
		TokenCipher cipher = TokenCipher.of(KEY);
		byte[] encrypted = cipher.encrypt("token".getBytes(StandardCharsets.UTF_8), "calendar", "bob");
		for (String[] other : List.of(new String[] { "calendar", "alice" }, new String[] { "drive", "bob" },
				new String[] { "calendar", "Bob" }, new String[] { "calendar", "bob " }, new String[] { "calendarbob" },
				new String[] { "calendar", "bob", "" }, new String[] { "calenda", "rbob" }, new String[0])) {
			assertThatIllegalStateException().as(String.join("|", other))
				.isThrownBy(() -> cipher.decrypt(encrypted, other));
		}
	}

	@Test
	void anAlteredValueDoesNotDecrypt() {
		TokenCipher cipher = TokenCipher.of(KEY);
		byte[] encrypted = cipher.encrypt("token".getBytes(StandardCharsets.UTF_8), "calendar", "bob");
		encrypted[encrypted.length - 1] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(encrypted, "calendar", "bob"));
	}

	@Test
	void anotherKeyDoesNotDecrypt() {
		byte[] encrypted = TokenCipher.of(KEY).encrypt("token".getBytes(StandardCharsets.UTF_8), "calendar", "bob");
		assertThatIllegalStateException()
			.isThrownBy(() -> TokenCipher.of(OTHER_KEY).decrypt(encrypted, "calendar", "bob"));
	}

	@Test
	void aKeyThatIsMissingShortOrNotBase64SaysHowToMakeOne() {
		assertThatIllegalStateException().isThrownBy(() -> TokenCipher.of(" "))
			.withMessageContaining("permission-manager.connections.encryption-key is not set")
			.withMessageContaining("openssl rand -base64 32");
		assertThatIllegalStateException()
			.isThrownBy(() -> TokenCipher.of(Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageContaining("must be 256 bits (32 bytes) but is 128 bits");
		assertThatIllegalStateException().isThrownBy(() -> TokenCipher.of("not base64!"))
			.withMessageContaining("is not Base64");
	}

	@Test
	void credentialsNeverShowTheirSecretWhenPrinted() {
		ConnectionCredentials credentials = new ConnectionCredentials("calendar", "ya29.secret-token", "Authorization",
				KeyLocation.HEADER, "Bearer ", null);
		assertThat(credentials.toString()).doesNotContain("ya29").contains("calendar");
		assertThat(credentials.prefixedValue()).isEqualTo("Bearer ya29.secret-token");
	}

	private static byte[] filled(int length, byte value) {
		byte[] bytes = new byte[length];
		Arrays.fill(bytes, value);
		return bytes;
	}

}
