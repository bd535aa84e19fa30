package io.github.permissionmanager.benchmarks.resolution;

import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The same guarded method written two (three) ways. Each counts its calls, so a denial
 * can be shown not to run it.
 */
final class TalkServices {

	private TalkServices() {
	}

	/** Declarative: the talk's event is looked up through {@code model}. */
	static class ModelLookup {

		private long calls;

		/**
		 * How often the method ran (read through the proxy, so from the target).
		 * @return the count
		 */
		public long calls() {
			return this.calls;
		}

		@RequiresPermissions(value = "session:update", fetch = "event_id", model = Talk.class, fetchKeyUrl = "id")
		public long update(long id) {
			return ++this.calls + id;
		}

	}

	/** By hand: a projection query for the event id, then a programmatic check. */
	static class HandWrittenQuery {

		private final TalkRepository talks;

		private final PermissionManager permissions;

		private long calls;

		/**
		 * How often the method ran (read through the proxy, so from the target).
		 * @return the count
		 */
		public long calls() {
			return this.calls;
		}

		HandWrittenQuery(TalkRepository talks, PermissionManager permissions) {
			this.talks = talks;
			this.permissions = permissions;
		}

		public long update(long id) {
			long eventId = this.talks.findEventIdById(id).orElseThrow(() -> new IllegalArgumentException("no talk"));
			check(this.permissions, eventId);
			return ++this.calls + id;
		}

	}

	/**
	 * By hand, the way most code reads: load the talk, take its event's id, then check.
	 */
	static class HandWrittenFindById {

		private final TalkRepository talks;

		private final PermissionManager permissions;

		private long calls;

		/**
		 * How often the method ran (read through the proxy, so from the target).
		 * @return the count
		 */
		public long calls() {
			return this.calls;
		}

		HandWrittenFindById(TalkRepository talks, PermissionManager permissions) {
			this.talks = talks;
			this.permissions = permissions;
		}

		public long update(long id) {
			Talk talk = this.talks.findById(id).orElseThrow(() -> new IllegalArgumentException("no talk"));
			check(this.permissions, talk.getEvent().getId());
			return ++this.calls + id;
		}

	}

	static void check(PermissionManager permissions, long eventId) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null) {
			throw new AccessDeniedException("no caller");
		}
		if (!permissions.check(Subject.of(caller.getName()), "session:update", Resource.of("event", eventId))) {
			throw new AccessDeniedException("session:update denied");
		}
	}

}
