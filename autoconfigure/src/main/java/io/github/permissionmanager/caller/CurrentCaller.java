package io.github.permissionmanager.caller;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.Assert;

/**
 * The one answer to "who is calling?": the current {@link Authentication} of a
 * {@link SecurityContextHolderStrategy}, when it is a real one. No authentication, one
 * that is not authenticated, an anonymous one (as the {@link AuthenticationTrustResolver}
 * says), or one whose name is empty or blank (a JWT without {@code sub}) all mean nobody
 * is authenticated.
 */
public final class CurrentCaller {

	private final Supplier<SecurityContextHolderStrategy> strategy;

	private final AuthenticationTrustResolver trustResolver;

	// The last authentication whose name was read, not blank, and cannot change: the same
	// object again needs no name read (a String principal's name costs Spring Security
	// three failed interface checks on every call). Its authenticated flag and whether it
	// is anonymous are still read every time
	private volatile @Nullable Authentication named;

	/**
	 * Read the caller through Spring Security's global strategy, looked up on every call
	 * so a strategy set later (say, {@code MODE_INHERITABLETHREADLOCAL}) is honoured.
	 */
	public CurrentCaller() {
		this(SecurityContextHolder::getContextHolderStrategy, new AuthenticationTrustResolverImpl());
	}

	/**
	 * Read the caller through the given strategy and trust resolver.
	 * @param strategy supplies the security context holder strategy
	 * @param trustResolver tells anonymous authentications apart
	 */
	public CurrentCaller(Supplier<SecurityContextHolderStrategy> strategy, AuthenticationTrustResolver trustResolver) {
		Assert.notNull(strategy, "strategy cannot be null");
		Assert.notNull(trustResolver, "trustResolver cannot be null");
		this.strategy = strategy;
		this.trustResolver = trustResolver;
	}

	/**
	 * The authenticated caller.
	 * @return the authentication, or {@code null} when nobody is authenticated
	 */
	public @Nullable Authentication authentication() {
		SecurityContext context = this.strategy.get().getContext();
		return authenticated((context != null) ? context.getAuthentication() : null);
	}

	/**
	 * An authentication handed over by Spring Security (to a {@code PermissionEvaluator}
	 * or an {@code AuthorizationManager}), judged by the same rule as the current one.
	 * @param authentication the authentication, or {@code null}
	 * @return the authentication, or {@code null} when it is no authenticated caller
	 */
	public @Nullable Authentication authenticated(@Nullable Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| this.trustResolver.isAnonymous(authentication)) {
			return null;
		}
		if (authentication == this.named) {
			// its name was not blank and cannot change (StableAuthentications)
			return authentication;
		}
		String name = authentication.getName();
		if (name == null || name.isBlank()) {
			return null;
		}
		if (StableAuthentications.hasFixedName(authentication)) {
			this.named = authentication;
		}
		return authentication;
	}

	/**
	 * The authenticated caller's name.
	 * @return the name, or {@code null} when nobody is authenticated
	 */
	public @Nullable String name() {
		Authentication authentication = authentication();
		return (authentication != null) ? authentication.getName() : null;
	}

}
