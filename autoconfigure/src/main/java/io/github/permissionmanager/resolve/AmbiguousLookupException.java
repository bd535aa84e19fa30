package io.github.permissionmanager.resolve;

import io.github.permissionmanager.PermissionEvaluationException;

/**
 * A model lookup matched more than one row: the data (or the rule's
 * {@code fetch-key-model}) is wrong, and the check cannot be decided. A
 * {@link PermissionEvaluationException} (503), unless existence is hidden: then it
 * reveals that rows exist, and the enforcement answers it as every other refusal of the
 * rule.
 */
public final class AmbiguousLookupException extends PermissionEvaluationException {

	private final String resourceType;

	AmbiguousLookupException(String resourceType, String message) {
		super(message);
		this.resourceType = resourceType;
	}

	/**
	 * The resource type the lookup was to find.
	 * @return the type
	 */
	public String getResourceType() {
		return this.resourceType;
	}

}
