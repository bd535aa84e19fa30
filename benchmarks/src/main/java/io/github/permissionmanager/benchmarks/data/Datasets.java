package io.github.permissionmanager.benchmarks.data;

/**
 * The populations the benchmarks share: one seed, one check count, so every contender of
 * a size answers the same checks on the same grants.
 */
public final class Datasets {

	/** Checks per population; the timed loop walks through them in order. */
	public static final int CHECKS = 1024;

	/** Mask to wrap an index into {@link #CHECKS}. */
	public static final int CHECK_MASK = CHECKS - 1;

	private static final long SEED = 20261122L;

	private Datasets() {
	}

	/**
	 * The population of a size.
	 * @param grants the number of grants
	 * @return the population
	 */
	public static GrantData of(int grants) {
		return GrantData.generate(grants, CHECKS, SEED);
	}

}
