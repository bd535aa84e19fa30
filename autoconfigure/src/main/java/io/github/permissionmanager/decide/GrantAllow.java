package io.github.permissionmanager.decide;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import org.jspecify.annotations.Nullable;

/**
 * The allow one grant of a snapshot answers, built the first time a check is allowed by
 * it: loading a subject with many grants builds the text of none, and every later allow
 * by the grant returns the same decision, allocating nothing.
 */
final class GrantAllow {

	private final Grant grant;

	private final boolean role;

	// A Decision is a record of final fields over immutable values: a check racing the
	// first one may build an equal copy, and either is safely published
	private @Nullable Decision decision;

	GrantAllow(Grant grant, boolean role) {
		this.grant = grant;
		this.role = role;
	}

	Grant grant() {
		return this.grant;
	}

	Decision decision() {
		Decision built = this.decision;
		if (built == null) {
			String reason = DecisionText.allowed(this.grant, this.role);
			built = Decision.allow((this.grant.condition() != null) ? reason + " held" : reason, this.grant);
			this.decision = built;
		}
		return built;
	}

}
