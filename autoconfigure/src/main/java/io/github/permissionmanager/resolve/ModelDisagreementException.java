package io.github.permissionmanager.resolve;

import io.github.permissionmanager.PermissionContextException;

/**
 * A bound form or body object names another value than the one a model lookup found (a
 * body that would move session 4 of event 2 to event 1): a 400, like any bound object
 * that disagrees with the check, unless existence is hidden: the answer would tell where
 * the object belongs, so the enforcement answers it as every other refusal of the rule.
 */
public final class ModelDisagreementException extends PermissionContextException {

	ModelDisagreementException(String resourceType, String message) {
		super(Reason.INVALID_VALUE, resourceType, message);
	}

}
