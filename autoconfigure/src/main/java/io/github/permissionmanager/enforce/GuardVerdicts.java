package io.github.permissionmanager.enforce;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.PermissionDeniedException;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Hears the verdict the {@link PermissionInterceptor} reaches on each guarded call, from
 * inside the interceptor: no advice of its own, so telling it costs no step of the advice
 * chain and no thread-local. Only the call's own check is heard: a denial thrown by a
 * guarded method the body calls is that inner call's verdict, not this one's.
 */
public interface GuardVerdicts {

	/** Hears nothing. */
	GuardVerdicts NONE = new GuardVerdicts() {

		@Override
		public void allowed(MethodInvocation invocation) {
		}

		@Override
		public void denied(MethodInvocation invocation, PermissionDeniedException denial) {
		}

		@Override
		public void unauthenticated(MethodInvocation invocation, AuthenticationRequiredException denial) {
		}

	};

	/**
	 * The call is let through: told after the check, before the method runs. Throwing
	 * stops the call (the method does not run): an allow that cannot be recorded is no
	 * clean allow.
	 * @param invocation the call
	 */
	void allowed(MethodInvocation invocation);

	/**
	 * The check refused the call (a 403); the denial is thrown after this returns. Should
	 * not throw: an exception thrown here replaces the denial (the method does not run
	 * either way).
	 * @param invocation the call
	 * @param denial the denial
	 */
	void denied(MethodInvocation invocation, PermissionDeniedException denial);

	/**
	 * The check found nobody authenticated (a 401); the refusal is thrown after this
	 * returns. Should not throw, as for {@link #denied}.
	 * @param invocation the call
	 * @param denial the refusal
	 */
	void unauthenticated(MethodInvocation invocation, AuthenticationRequiredException denial);

}
