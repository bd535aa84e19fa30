package io.github.permissionmanager.connect;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
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
 * key from configuration. Each value is bound to its row. A value that was altered,
 * encrypted with another key or moved to another row does not decrypt: it fails instead
 * of yielding garbage or another user's token.
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
	 * Encrypt a value for one row: the row's identity is encrypted and authenticated with
	 * the value, so that the value decrypts for that row only (copied into another user's
	 * or another connection's row, it is refused).
	 * @param plain the value
	 * @param row the parts that identify the row (for example the table, the connection
	 * and the user)
	 * @return the IV followed by the ciphertext and its tag
	 */
	public byte[] encrypt(byte[] plain, String... row) {
		Assert.notNull(plain, "plain cannot be null");
		byte[] identity = identity(row);
		return this.encryptor.encrypt(ByteBuffer.allocate(Integer.BYTES + identity.length + plain.length)
			.putInt(identity.length)
			.put(identity)
			.put(plain)
			.array());
	}

	/**
	 * Decrypt a value of a row.
	 * @param encrypted what {@link #encrypt(byte[], String...)} returned
	 * @param row the parts that identify the row, as they were given to encrypt
	 * @return the value
	 * @throws IllegalStateException when the value was altered, encrypted with another
	 * key or for another row
	 */
	public byte[] decrypt(byte[] encrypted, String... row) {
		Assert.notNull(encrypted, "encrypted cannot be null");
		byte[] plain = this.encryptor.decrypt(encrypted);
		byte[] identity = identity(row);
		int length = (plain.length >= Integer.BYTES) ? ByteBuffer.wrap(plain).getInt() : -1;
		if (length != identity.length || plain.length - Integer.BYTES < length
				|| !MessageDigest.isEqual(Arrays.copyOfRange(plain, Integer.BYTES, Integer.BYTES + length), identity)) {
			throw new IllegalStateException("The value was encrypted for another row");
		}
		return Arrays.copyOfRange(plain, Integer.BYTES + length, plain.length);
	}

	// Each part with its length, so that no two rows have the same identity
	private static byte[] identity(String... row) {
		Assert.noNullElements(row, "row cannot contain null");
		ByteArrayOutputStream identity = new ByteArrayOutputStream();
		for (String part : row) {
			byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
			identity.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
			identity.writeBytes(bytes);
		}
		return identity.toByteArray();
	}

}
