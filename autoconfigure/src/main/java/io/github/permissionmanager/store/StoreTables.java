package io.github.permissionmanager.store;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * The names of the store's tables: the grants, the group memberships, the audit trail,
 * the change log and its followers, each behind a configurable prefix
 * ({@code permission-manager.store.table-prefix}).
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
		if (!SAFE.matcher(prefix).matches()) {
			throw new StoreConfigurationException(
					"permission-manager.store.table-prefix may only contain letters, digits and underscores, not '"
							+ prefix + "'",
					"Set permission-manager.store.table-prefix to letters, digits and underscores, such as acme_pm_");
		}
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
	 * The change log table.
	 * @return its name
	 */
	public String changes() {
		return this.prefix + "changes";
	}

	/**
	 * The table of instances following the change log.
	 * @return its name
	 */
	public String followers() {
		return this.prefix + "followers";
	}

	/**
	 * Every table, in the order they can be dropped.
	 * @return the names
	 */
	public List<String> all() {
		return List.of(grants(), memberships(), audit(), changes(), followers());
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
