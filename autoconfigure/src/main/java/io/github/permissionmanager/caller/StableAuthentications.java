package io.github.permissionmanager.caller;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Which authentication objects cannot change what they answer, so what was read from one
 * may be remembered for that same object (compared by identity, never by value).
 * <p>
 * Spring Security's own token classes (exactly these, not subclasses) copy their
 * authorities into an unmodifiable list when they are built and keep their principal in a
 * final field (a JWT's claims are unmodifiable too). Their authorities are fixed when
 * every one is of Spring Security's final authority classes; their name is fixed when the
 * principal is a {@code String} (the name is the principal itself). Any other class, and
 * any other authority or principal, may answer differently on the next call and is read
 * every time.
 */
public final class StableAuthentications {

	private static final Set<String> IMMUTABLE_TOKENS = Set.of(
			"org.springframework.security.authentication.UsernamePasswordAuthenticationToken",
			"org.springframework.security.authentication.TestingAuthenticationToken",
			"org.springframework.security.authentication.RememberMeAuthenticationToken",
			"org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken",
			"org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken",
			"org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication",
			"org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken");

	private StableAuthentications() {
	}

	/**
	 * Whether the object's authorities and principal cannot change.
	 * @param authentication the authentication
	 * @return whether it is one of Spring Security's immutable tokens holding only its
	 * final authority classes
	 */
	public static boolean isImmutable(Authentication authentication) {
		return IMMUTABLE_TOKENS.contains(authentication.getClass().getName())
				&& ownAuthorities(authentication.getAuthorities());
	}

	/**
	 * Whether the object's name cannot change: an immutable token whose principal is a
	 * {@code String}.
	 * @param authentication the authentication
	 * @return whether its name is fixed
	 */
	public static boolean hasFixedName(Authentication authentication) {
		return authentication.getPrincipal() instanceof String
				&& IMMUTABLE_TOKENS.contains(authentication.getClass().getName());
	}

	private static boolean ownAuthorities(Collection<? extends GrantedAuthority> authorities) {
		for (GrantedAuthority authority : authorities) {
			if (!(authority instanceof SimpleGrantedAuthority) && !(authority instanceof FactorGrantedAuthority)) {
				return false;
			}
		}
		return true;
	}

}
