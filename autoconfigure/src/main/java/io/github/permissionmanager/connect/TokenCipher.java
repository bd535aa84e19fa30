package io.github.permissionmanager.connect;

import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor.CipherAlgorithm;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.util.Assert;

/**
 * Encrypts what connections store (access and refresh tokens, API keys) with AES-GCM,
 * Spring Security Crypto's authenticated mode: a random 96-bit IV per value, a 256-bit
 * key from configuration. A value that was altered, or encrypted with another key, does
 * not decrypt: it fails instead of yielding garbage.
 */
public final class TokenCipher {

	/** The property that holds the key. */
	public static final String KEY_PROPERTY = "permission-manager.connections.encryption-key";

	private final BytesEncryptor encryptor;

	private TokenCipher(byte[] key) {
		this.encryptor = new AesBytesEncryptor(new SecretKeySpec(key, "AES"), KeyGenerators.secureRandom(12),
				CipherAlgorithm.GCM);
	}

	/**
	 * A cipher for a key written in Base64.
	 * @param base64Key the key: 32 random bytes, Base64-encoded (for example the output
	 * of {@code openssl rand -base64 32})
	 * @return the cipher
	 * @throws IllegalStateException when the key is missing, not Base64 or not 256 bits,
	 * with a message that says how to make one
	 */
	public static TokenCipher of(String base64Key) {
		Assert.notNull(base64Key, "base64Key cannot be null");
		if (base64Key.isBlank()) {
			throw new IllegalStateException(missingKey());
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(KEY_PROPERTY + " is not Base64; " + howTo(), ex);
		}
		if (key.length != 32) {
			throw new IllegalStateException(
					KEY_PROPERTY + " must be 256 bits (32 bytes) but is " + key.length * 8 + " bits; " + howTo());
		}
		return new TokenCipher(key);
	}

	/**
	 * What a start without a key is told.
	 * @return the message
	 */
	public static String missingKey() {
		return "Connections store tokens and API keys encrypted, and " + KEY_PROPERTY + " is not set; " + howTo();
	}

	private static String howTo() {
		return "set it to 32 random bytes in Base64 (openssl rand -base64 32), kept out of the source "
				+ "(an environment variable or a secret store), and keep it: tokens encrypted with a lost key "
				+ "cannot be read, and their users have to sign in again";
	}

	/**
	 * Encrypt a value.
	 * @param plain the value
	 * @return the IV followed by the ciphertext and its tag
	 */
	public byte[] encrypt(byte[] plain) {
		return this.encryptor.encrypt(plain);
	}

	/**
	 * Decrypt a value.
	 * @param encrypted what {@link #encrypt(byte[])} returned
	 * @return the value
	 * @throws IllegalStateException when the value was altered or encrypted with another
	 * key
	 */
	public byte[] decrypt(byte[] encrypted) {
		return this.encryptor.decrypt(encrypted);
	}

}
