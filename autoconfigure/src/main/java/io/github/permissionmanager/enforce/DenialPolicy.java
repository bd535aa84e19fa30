package io.github.permissionmanager.enforce;

import java.util.List;

import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.resolve.AmbiguousLookupException;
import io.github.permissionmanager.resolve.ModelDisagreementException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What a refusal says, decided in one place ({@code permission-manager.hide-existence}).
 * Shown, a denial names what is missing and the resource, a missing object is a 404, a
 * bound object that disagrees with the model a 400, and a lookup matching several rows a
 * 503. Hidden, every refusal of one rule — a missing permission, a false {@code check}, a
 * cross-check mismatch, a missing object, a bound object disagreeing with the model, a
 * lookup matching several rows, disagreeing tenant sources — is the same denial: all of
 * the rule's permissions and the resource type without an id, so the answers are
 * byte-identical and tell nothing about which objects exist or where they belong.
 */
final class DenialPolicy {

	private static final Log logger = LogFactory.getLog(DenialPolicy.class);

	private final boolean hideExistence;

	DenialPolicy(boolean hideExistence) {
		this.hideExistence = hideExistence;
	}

	PermissionDeniedException denied(PermissionRule rule, String reason, List<String> missing,
			@Nullable Resource resource) {
		if (this.hideExistence) {
			Resource type = (resource != null) ? Resource.ofType(resource.type()) : null;
			return new PermissionDeniedException(rule.method() + ": " + reason, rule.permissions(), type);
		}
		return new PermissionDeniedException(rule.method() + ": " + reason, missing, resource);
	}

	/**
	 * Whether a failure to resolve the context was decided by stored data (whether an
	 * object exists, where it belongs, how many rows match), so that its answer would
	 * tell about the data.
	 * @param ex the failure
	 * @return whether it reveals stored data
	 */
	static boolean revealsStoredData(RuntimeException ex) {
		return (ex instanceof PermissionContextException context
				&& context.getReason() == PermissionContextException.Reason.NOT_FOUND)
				|| ex instanceof ModelDisagreementException || ex instanceof AmbiguousLookupException;
	}

	/**
	 * The answer to a failure that {@link #revealsStoredData reveals stored data}:
	 * itself, or hidden as the rule's denial. A lookup matching several rows is a data
	 * error that operators must fix, so hiding it logs it.
	 * @param rule the rule
	 * @param ex the failure
	 * @return what to throw
	 */
	RuntimeException storedData(PermissionRule rule, RuntimeException ex) {
		if (!this.hideExistence) {
			return ex;
		}
		logIfDataError(rule, ex, "the rule's denial");
		String resourceType = (ex instanceof PermissionContextException context) ? context.getResourceType()
				: (ex instanceof AmbiguousLookupException ambiguous) ? ambiguous.getResourceType() : null;
		Resource type = (resourceType != null) ? Resource.ofType(resourceType) : null;
		PermissionDeniedException denied = denied(rule, String.valueOf(ex.getMessage()), rule.permissions(), type);
		denied.initCause(ex);
		return denied;
	}

	/**
	 * Log a data error that is answered as something else (a hidden denial, or a 401 to
	 * somebody not signed in), so that operators still see it.
	 * @param rule the rule
	 * @param ex the failure
	 * @param answeredAs what the caller is told, for the message
	 */
	static void logIfDataError(PermissionRule rule, RuntimeException ex, String answeredAs) {
		if (ex instanceof AmbiguousLookupException) {
			logger.error(rule.method() + ": " + ex.getMessage() + " (answered as " + answeredAs
					+ "); make the looked-up attribute unique or set fetch-key-model to one that is");
		}
	}

}
