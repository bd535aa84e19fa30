package io.github.permissionmanager.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;

/**
 * On unless {@code permission-manager.pdp.url} is set: an application whose decisions
 * come from a remote decision point has no grant store of its own, whose grants no check
 * would read.
 */
final class NoRemoteDecisionPoint extends NoneNestedConditions {

	NoRemoteDecisionPoint() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty("permission-manager.pdp.url")
	static class RemoteDecisionPoint {

	}

}
