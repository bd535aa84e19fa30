package io.github.permissionmanager.store;

import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * The names of the store's tables: the grants, the group memberships and the audit trail,
 * each behind a configurable prefix ({@code permission-manager.store.table-prefix}).
 *
 * @param prefix the prefix, letters, digits and underscores only
 */
public record StoreTables(String prefix) {

	/** The prefix the schema scripts are written with. */
	public static final String DEFAULT_PREFIX = "pm_";

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_]*");

	public StoreTables {
		Assert.notNull(prefix, "prefix cannot be null");
		// The prefix is written into SQL, so it may only hold characters that cannot
		// escape it
		Assert.isTrue(SAFE.matcher(prefix).matches(),
				() -> "permission-manager.store.table-prefix may only contain letters, digits and underscores, not '"
						+ prefix + "'");
	}

	/**
	 * The grants table.
	 * @return its name
	 */
	public String grants() {
		return this.prefix + "grants";
	}

	/**
	 * The group memberships table.
	 * @return its name
	 */
	public String memberships() {
		return this.prefix + "memberships";
	}

	/**
	 * The audit table.
	 * @return its name
	 */
	public String audit() {
		return this.prefix + "audit";
	}

	/**
	 * A schema script written for the default prefix, rewritten for this one.
	 * @param script the script text
	 * @return the script with every table, index and constraint name prefixed by this
	 * prefix
	 */
	public String rewrite(String script) {
		return script.replaceAll("\\b" + DEFAULT_PREFIX, this.prefix);
	}

}
