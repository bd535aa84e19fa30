package io.github.permissionmanager.benchmarks.engine;

import java.util.List;

/**
 * A breakdown of the cached check, not a contender:
 * {@link PermissionManagerCachedBenchmark} with the memo of recent answers off
 * ({@code permission-manager.cache.memo-size=0}), so every check finds its snapshot in
 * Caffeine and walks it, as a check whose answer is not in the memo does (such a check
 * also looks in the memo first and puts its answer after). The cached check against this
 * row is what the memo saves.
 */
public class SnapshotWalkBenchmark extends PermissionManagerCachedBenchmark {

	@Override
	String name() {
		return "walk";
	}

	@Override
	String label() {
		return "Permission Manager, cached, memo off";
	}

	@Override
	List<String> properties() {
		return List.of("permission-manager.cache.memo-size=0");
	}

}
