package io.github.permissionmanager.enforce;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * The default {@link SubjectResolver}: id is {@link Authentication#getName()}; groups are
 * the authorities carrying the configured prefix (without it), or every authority when
 * the prefix is empty; attributes are the JWT claims when the principal is a JWT.
 * Memberships held by the grant store are added by the evaluator that reads the store.
 */
public final class AuthenticationSubjectResolver implements SubjectResolver {

	private static final boolean JWT_PRESENT = ClassUtils.isPresent("org.springframework.security.oauth2.jwt.Jwt",
			AuthenticationSubjectResolver.class.getClassLoader());

	private final boolean groupsFromAuthorities;

	private final String authorityPrefix;

	/**
	 * Create a resolver.
	 * @param groupsFromAuthorities whether authorities count as groups
	 * @param authorityPrefix the prefix an authority must have to count as a group
	 */
	public AuthenticationSubjectResolver(boolean groupsFromAuthorities, String authorityPrefix) {
		Assert.notNull(authorityPrefix, "authorityPrefix cannot be null");
		this.groupsFromAuthorities = groupsFromAuthorities;
		this.authorityPrefix = authorityPrefix;
	}

	@Override
	public Subject resolve(Authentication authentication) {
		// every call builds a subject: allocate only for authorities that are groups
		Set<String> groups = null;
		if (this.groupsFromAuthorities) {
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				String name = authority.getAuthority();
				if (name != null && name.startsWith(this.authorityPrefix)
						&& name.length() > this.authorityPrefix.length()) {
					groups = (groups != null) ? groups : new LinkedHashSet<>();
					groups.add(name.substring(this.authorityPrefix.length()));
				}
			}
		}
		Map<String, Object> attributes = JWT_PRESENT ? JwtClaims.of(authentication.getPrincipal()) : Map.of();
		return new Subject(authentication.getName(), (groups != null) ? groups : Set.of(), attributes);
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

	}

}
