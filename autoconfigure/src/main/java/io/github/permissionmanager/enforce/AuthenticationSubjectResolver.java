package io.github.permissionmanager.enforce;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.caller.StableAuthentications;
import io.github.permissionmanager.decide.TokenSubjects;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * The default {@link SubjectResolver}: id is {@link Authentication#getName()}; groups are
 * the authorities carrying the configured prefix (without it), or every authority when
 * the prefix is empty, and the names a JWT claim holds when a groups claim is configured;
 * attributes are the JWT claims when the principal is a JWT. Memberships held by the
 * grant store are added by the evaluator that reads the store.
 */
public final class AuthenticationSubjectResolver implements SubjectResolver {

	private static final boolean JWT_PRESENT = ClassUtils.isPresent("org.springframework.security.oauth2.jwt.Jwt",
			AuthenticationSubjectResolver.class.getClassLoader());

	private final boolean groupsFromAuthorities;

	private final String authorityPrefix;

	private final @Nullable String groupsClaim;

	private final @Nullable TokenSubjects tokens;

	// The last authentication resolved and its subject (immutable, shared): a guarded
	// call made again by the same signed-in caller (the same object) builds nothing.
	// Never a different authentication object, whatever it holds
	private volatile @Nullable Resolved last;

	/**
	 * Create a resolver that reads no groups claim.
	 * @param groupsFromAuthorities whether authorities count as groups
	 * @param authorityPrefix the prefix an authority must have to count as a group
	 */
	public AuthenticationSubjectResolver(boolean groupsFromAuthorities, String authorityPrefix) {
		this(groupsFromAuthorities, authorityPrefix, null);
	}

	/**
	 * Create a resolver.
	 * @param groupsFromAuthorities whether authorities count as groups
	 * @param authorityPrefix the prefix an authority must have to count as a group
	 * @param groupsClaim the JWT claim holding group names, or {@code null} for none: a
	 * list of names or one string of names separated by spaces; a claim of that exact
	 * name first, else a dotted path into nested claims ({@code realm_access.roles})
	 */
	public AuthenticationSubjectResolver(boolean groupsFromAuthorities, String authorityPrefix,
			@Nullable String groupsClaim) {
		this(groupsFromAuthorities, authorityPrefix, groupsClaim, null);
	}

	/**
	 * Create a resolver that tells which subjects were built from a verified token, so
	 * the permissions a token's claim carries grant to those subjects only.
	 * @param groupsFromAuthorities whether authorities count as groups
	 * @param authorityPrefix the prefix an authority must have to count as a group
	 * @param groupsClaim the JWT claim holding group names, or {@code null} for none
	 * @param tokens where subjects built from an authenticated JWT are remembered, or
	 * {@code null} when no token's claims grant anything
	 */
	public AuthenticationSubjectResolver(boolean groupsFromAuthorities, String authorityPrefix,
			@Nullable String groupsClaim, @Nullable TokenSubjects tokens) {
		Assert.notNull(authorityPrefix, "authorityPrefix cannot be null");
		Assert.isTrue(groupsClaim == null || !groupsClaim.isBlank(), "groupsClaim cannot be blank");
		this.groupsFromAuthorities = groupsFromAuthorities;
		this.authorityPrefix = authorityPrefix;
		this.groupsClaim = groupsClaim;
		this.tokens = tokens;
	}

	@Override
	public Subject resolve(Authentication authentication) {
		Resolved last = this.last;
		if (last != null && last.authentication == authentication) {
			// the same object of a class whose authorities and principal cannot change
			// (StableAuthentications): the same subject, unless its name can change and
			// did
			if (last.fixedName) {
				return last.subject;
			}
			String name = authentication.getName();
			if (last.subject.id().equals(name)) {
				return last.subject;
			}
			return build(authentication, name);
		}
		Subject subject = build(authentication, authentication.getName());
		if (StableAuthentications.isImmutable(authentication)) {
			this.last = new Resolved(authentication, StableAuthentications.hasFixedName(authentication), subject);
		}
		return subject;
	}

	private Subject build(Authentication authentication, String name) {
		// allocate only for authorities that are groups
		Set<String> groups = null;
		if (this.groupsFromAuthorities) {
			Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
			// no iterator for the usual (random access) list of authorities
			if (authorities instanceof List<? extends GrantedAuthority> list && list instanceof RandomAccess) {
				for (int i = 0; i < list.size(); i++) {
					groups = addGroup(groups, list.get(i));
				}
			}
			else if (!authorities.isEmpty()) {
				for (GrantedAuthority authority : authorities) {
					groups = addGroup(groups, authority);
				}
			}
		}
		Map<String, Object> attributes = JWT_PRESENT ? JwtClaims.of(authentication.getPrincipal()) : Map.of();
		if (this.groupsClaim != null && !attributes.isEmpty()) {
			Set<String> claimed = JwtClaims.groups(attributes, this.groupsClaim);
			if (!claimed.isEmpty()) {
				groups = (groups != null) ? groups : new LinkedHashSet<>();
				groups.addAll(claimed);
			}
		}
		Subject subject = new Subject(name, (groups != null) ? groups : Set.of(), attributes);
		// the principal is a JWT that Spring Security authenticated (its decoder checked
		// the signature): the only subjects whose claims may grant permissions
		if (this.tokens != null && !attributes.isEmpty() && authentication.isAuthenticated()) {
			this.tokens.verified(subject);
		}
		return subject;
	}

	private @Nullable Set<String> addGroup(@Nullable Set<String> groups, GrantedAuthority authority) {
		String name = authority.getAuthority();
		if (name == null || !name.startsWith(this.authorityPrefix) || name.length() <= this.authorityPrefix.length()) {
			return groups;
		}
		Set<String> added = (groups != null) ? groups : new LinkedHashSet<>();
		added.add(name.substring(this.authorityPrefix.length()));
		return added;
	}

	/**
	 * Reads JWT claims; a class of its own so the JOSE module stays optional.
	 */
	private static final class JwtClaims {

		static Map<String, Object> of(@Nullable Object principal) {
			if (!(principal instanceof org.springframework.security.oauth2.jwt.Jwt jwt)) {
				return Map.of();
			}
			Map<String, Object> claims = new LinkedHashMap<>();
			jwt.getClaims().forEach((name, value) -> {
				if (value != null) {
					claims.put(name, value);
				}
			});
			return claims;
		}

		// a value of another shape names no group: the subject has fewer groups, never
		// more
		static Set<String> groups(Map<String, Object> claims, String claim) {
			Object value = claims.containsKey(claim) ? claims.get(claim) : nested(claims, claim);
			Set<String> groups = new LinkedHashSet<>();
			if (value instanceof Collection<?> names) {
				for (Object name : names) {
					if (name instanceof String text && !text.isBlank()) {
						groups.add(text);
					}
				}
			}
			else if (value instanceof String names) {
				for (String name : names.trim().split("\\s+")) {
					if (!name.isEmpty()) {
						groups.add(name);
					}
				}
			}
			return groups;
		}

		private static @Nullable Object nested(Map<String, Object> claims, String path) {
			Object current = claims;
			for (String part : path.split("\\.")) {
				if (!(current instanceof Map<?, ?> map)) {
					return null;
				}
				current = map.get(part);
			}
			return current;
		}

	}

	/**
	 * An authentication and the subject resolved from it.
	 *
	 * @param authentication the authentication object, compared by identity
	 * @param fixedName whether its name cannot change
	 * @param subject the subject
	 */
	private record Resolved(Authentication authentication, boolean fixedName, Subject subject) {
	}

}
