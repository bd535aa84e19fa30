package io.github.permissionmanager;

import org.jspecify.annotations.Nullable;

/**
 * Thrown before a {@link RequiresPermissions} method runs when what the call touches
 * cannot be worked out: a lookup value that cannot be converted (over HTTP: 400), a
 * related object that does not exist (404), or a required value that is absent (400). The
 * method does not run.
 */
public class PermissionContextException extends RuntimeException {

	private final Reason reason;

	private final @Nullable String resourceType;

	/**
	 * Create an exception.
	 * @param reason why the context could not be resolved
	 * @param resourceType the resource type being resolved, when known
	 * @param message what went wrong (shown in logs, never to the client)
	 */
	public PermissionContextException(Reason reason, @Nullable String resourceType, String message) {
		super(message);
		this.reason = reason;
		this.resourceType = resourceType;
	}

	/**
	 * Why the context could not be resolved.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * The resource type being resolved.
	 * @return the type, or {@code null} when not known
	 */
	public @Nullable String getResourceType() {
		return this.resourceType;
	}

	/**
	 * Why a context could not be resolved, with the HTTP status it answers with.
	 */
	public enum Reason {

		/** A value the check needs is absent from the call. */
		MISSING_VALUE(400),

		/** A lookup value cannot be converted to the type of the entity's key. */
		INVALID_VALUE(400),

		/** The related object does not exist, or does not belong where the URL says. */
		NOT_FOUND(404);

		private final int status;

		Reason(int status) {
			this.status = status;
		}

		/**
		 * The HTTP status this reason answers with.
		 * @return the status code
		 */
		public int status() {
			return this.status;
		}

	}

}
