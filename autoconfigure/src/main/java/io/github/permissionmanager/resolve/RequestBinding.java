package io.github.permissionmanager.resolve;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NamedThreadLocal;

/**
 * The request of a call whose thread no servlet container bound it to: a reactive
 * (WebFlux) call, checked on another thread than the one that received the request, binds
 * its {@link RequestValues} here for the time of the check, so context resolution, the
 * {@code methods} filter and the tenant resolver read it exactly as they read a servlet
 * request.
 */
public final class RequestBinding {

	private static final ThreadLocal<@Nullable RequestValues> bound = new NamedThreadLocal<>(
			"Permission Manager request");

	// Whether a request was ever bound here: until then no thread can hold one, so a
	// call (a servlet application's every call) skips the thread-local. Set by the
	// binding thread before it binds, so that thread always reads its own binding; it is
	// never cleared, since another thread may still hold one
	private static volatile boolean used;

	private RequestBinding() {
	}

	/**
	 * Bind a request to the current thread.
	 * @param request the request, or {@code null} for none
	 * @return what was bound before, to hand to {@link #restore(RequestValues)}
	 */
	public static @Nullable RequestValues bind(@Nullable RequestValues request) {
		if (!used) {
			// written once: a reactive call's every binding then only reads it
			used = true;
		}
		RequestValues previous = bound.get();
		bound.set(request);
		return previous;
	}

	/**
	 * Restore what was bound before {@link #bind(RequestValues)}.
	 * @param previous what {@code bind} returned
	 */
	public static void restore(@Nullable RequestValues previous) {
		if (previous != null) {
			bound.set(previous);
		}
		else {
			bound.remove();
		}
	}

	static @Nullable RequestValues current() {
		return used ? bound.get() : null;
	}

}
