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

	// what the reason adds about where the grant came from: nothing for the store
	private final @Nullable String from;

	// A Decision is a record of final fields over immutable values: a check racing the
	// first one may build an equal copy, and either is safely published
	private @Nullable Decision decision;

	GrantAllow(Grant grant, boolean role) {
		this(grant, role, null);
	}

	GrantAllow(Grant grant, boolean role, @Nullable String source) {
		this(grant, (source != null) ? ", from source '" + source + "'" : null, role);
	}

	private GrantAllow(Grant grant, @Nullable String from, boolean role) {
		this.grant = grant;
		this.role = role;
		this.from = from;
	}

	/**
	 * The allow of a permission a JWT claim carries.
	 * @param grant the global grant the value stands for
	 * @param role whether it names a role
	 * @param claim the claim's name
	 * @return the allow
	 */
	static GrantAllow claimed(Grant grant, boolean role, String claim) {
		return new GrantAllow(grant, ", from JWT claim '" + claim + "'", role);
	}

	Grant grant() {
		return this.grant;
	}

	Decision decision() {
		Decision built = this.decision;
		if (built == null) {
			String reason = DecisionText.allowed(this.grant, this.role);
			if (this.grant.condition() != null) {
				reason = reason + " held";
			}
			if (this.from != null) {
				reason = reason + this.from;
			}
			built = Decision.allow(reason, this.grant);
			this.decision = built;
		}
		return built;
	}

}
