package io.github.permissionmanager.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.permissionmanager.Grant;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a grant as one fixed-length column: a SHA-256 of grantee, permission,
 * type, id, tenant and condition (not the expiry). A grant without a condition hashes as
 * it did before grants could carry one, so existing rows keep their keys. A unique
 * constraint on it makes granting idempotent on every database alike, where a unique
 * constraint over the nullable scope columns would not (NULLs are distinct in a unique
 * index, and MariaDB limits key length).
 */
final class GrantKey {

	private GrantKey() {
	}

	static String of(Grant grant) {
		StringBuilder identity = new StringBuilder();
		append(identity, grant.grantee().kind().name());
		append(identity, grant.grantee().name());
		append(identity, grant.permission());
		append(identity, grant.resourceType());
		append(identity, grant.resourceId());
		append(identity, grant.tenant());
		if (grant.condition() != null) {
			identity.append("when;");
			append(identity, grant.condition());
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(identity.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	// Length-prefixed, with null distinct from every string, so no two identities collide
	private static void append(StringBuilder identity, @Nullable String value) {
		if (value == null) {
			identity.append("-;");
		}
		else {
			identity.append(value.length()).append(':').append(value).append(';');
		}
	}

}
