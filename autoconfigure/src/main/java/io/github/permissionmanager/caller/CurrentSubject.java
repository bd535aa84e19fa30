package io.github.permissionmanager.caller;

import java.util.function.Supplier;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectResolver;

import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;

/**
 * The current user as the {@link Subject} of a check: the {@link CurrentCaller}'s
 * authentication through the {@link SubjectResolver}, as a guarded call builds it.
 */
public final class CurrentSubject implements Supplier<Subject> {

	private final CurrentCaller caller;

	private final Supplier<SubjectResolver> resolver;

	/**
	 * Create a current subject.
	 * @param caller reads the authenticated caller
	 * @param resolver supplies the subject resolver, read on each call
	 */
	public CurrentSubject(CurrentCaller caller, Supplier<SubjectResolver> resolver) {
		Assert.notNull(caller, "caller cannot be null");
		Assert.notNull(resolver, "resolver cannot be null");
		this.caller = caller;
		this.resolver = resolver;
	}

	/**
	 * The current subject.
	 * @return the subject
	 * @throws AuthenticationRequiredException when nobody is authenticated
	 * @throws PermissionEvaluationException when the subject resolver fails
	 */
	@Override
	public Subject get() {
		Authentication authentication = this.caller.authentication();
		if (authentication == null) {
			throw new AuthenticationRequiredException("A check of the current user needs an authenticated user");
		}
		try {
			return this.resolver.get().resolve(authentication);
		}
		catch (RuntimeException ex) {
			throw new PermissionEvaluationException("Could not build the subject of the current user", ex);
		}
	}

}
