package io.github.permissionmanager.benchmarks.interceptor;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The same method four times: unguarded, behind an advice that only proceeds, guarded by
 * {@code @RequiresPermissions}, guarded by {@code @PreAuthorize}. Each counts its calls,
 * so a denial can be shown not to run it.
 */
final class EventServices {

	private EventServices() {
	}

	/** No annotation: a plain bean, not proxied. */
	static class Plain {

		private long calls;

		/**
		 * How often the method ran (read through the proxy, so from the target).
		 * @return the count
		 */
		public long calls() {
			return this.calls;
		}

		long update(long eventId) {
			return ++this.calls + eventId;
		}

	}

	/**
	 * Behind a Spring AOP advisor whose interceptor only proceeds: what any advice costs,
	 * the floor under a guarded call.
	 */
	static class Advised {

		private long calls;

		/**
		 * How often the method ran (read through the proxy, so from the target).
		 * @return the count
		 */
		public long calls() {
			return this.calls;
		}

		public long update(long eventId) {
			return ++this.calls + eventId;
		}

	}

	/**
	 * Guarded by Permission Manager, the event id taken from a path-variable-style
	 * argument.
	 */
	static class Guarded {

		private long calls;

		/**
		 * How often the method ran (read through the proxy, so from the target).
		 * @return the count
		 */
		public long calls() {
			return this.calls;
		}

		@RequiresPermissions(value = "event:update", fetch = "event_id")
		public long update(@PathVariable("event_id") long eventId) {
			return ++this.calls + eventId;
		}

	}

	/**
	 * Guarded by Spring Security method security with an equivalent
	 * {@code PermissionEvaluator}.
	 */
	static class PreAuthorized {

		private long calls;

		/**
		 * How often the method ran (read through the proxy, so from the target).
		 * @return the count
		 */
		public long calls() {
			return this.calls;
		}

		@PreAuthorize("hasPermission(#eventId, 'event', 'event:update')")
		public long update(long eventId) {
			return ++this.calls + eventId;
		}

	}

}
