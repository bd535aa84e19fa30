package io.github.permissionmanager.decide;

import java.util.Collection;
import java.util.Map;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Permissions a JWT carries in a claim
 * ({@code permission-manager.jwt.permissions-claim}), read at every check (never cached
 * with the subject's snapshot, since the next token may carry others) from the claims of
 * the verified token the subject was built from ({@link TokenSubjects}), never from the
 * subject's attributes: a {@link Subject} built by application code with an attribute of
 * the claim's name (from a request body, say) gets nothing from it. Each value is a
 * global grant of the subject: every resource, every tenant, no condition. A claim holds
 * a list of strings or one string of values separated by spaces (as {@code scope} does);
 * with a prefix, only values starting with it count, without it ({@code perm:doc:read} is
 * {@code doc:read}). Values that do not parse grant nothing.
 */
public final class ClaimGrants {

	private final String claim;

	private final String prefix;

	private final GrantImplication implication;

	private final TokenSubjects tokens;

	/**
	 * Read permissions from a claim.
	 * @param claim the claim's name
	 * @param prefix the prefix values must start with, or empty for every value
	 * @param implication what a permission implies (roles and wildcards)
	 * @param tokens the subjects built from verified tokens, with their claims
	 */
	public ClaimGrants(String claim, String prefix, GrantImplication implication, TokenSubjects tokens) {
		Assert.hasText(claim, "claim cannot be empty");
		Assert.notNull(prefix, "prefix cannot be null");
		Assert.notNull(implication, "implication cannot be null");
		Assert.notNull(tokens, "tokens cannot be null");
		this.claim = claim;
		this.prefix = prefix;
		this.implication = implication;
		this.tokens = tokens;
	}

	/**
	 * The allow of a permission of the claim that implies the requested one.
	 * @param subject who asks
	 * @param requested the requested permission
	 * @return the allow, or {@code null}, always for a subject not built from a verified
	 * token
	 */
	@Nullable GrantAllow allow(Subject subject, GrantImplication.Requested requested) {
		Map<String, Object> claims = this.tokens.claimsOf(subject);
		if (claims == null) {
			return null;
		}
		Object value = claims.get(this.claim);
		if (value instanceof String text) {
			for (String permission : text.trim().split("\\s+")) {
				GrantAllow allow = allow(subject, permission, requested);
				if (allow != null) {
					return allow;
				}
			}
		}
		else if (value instanceof Collection<?> values) {
			for (Object permission : values) {
				if (permission instanceof String text) {
					GrantAllow allow = allow(subject, text, requested);
					if (allow != null) {
						return allow;
					}
				}
			}
		}
		return null;
	}

	private @Nullable GrantAllow allow(Subject subject, String value, GrantImplication.Requested requested) {
		if (!value.startsWith(this.prefix) || value.length() == this.prefix.length()) {
			return null;
		}
		String permission = value.substring(this.prefix.length());
		GrantImplication.Held held;
		try {
			held = this.implication.held(permission);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (!held.implies(requested)) {
			return null;
		}
		return GrantAllow.claimed(Grant.of(Grantee.user(subject.id()), permission), held.role(), this.claim);
	}

}
