package io.github.permissionmanager.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link PermissionEvaluator} that observes each decision of another: one
 * {@link Observation} named {@value #NAME} per permission asked, with low-cardinality key
 * values only.
 * <ul>
 * <li>{@code outcome}: {@code allow}, {@code deny} (an abstention included) or
 * {@code error} (the evaluator failed; the check is refused).</li>
 * <li>{@code permission}: the permission when the application names it (in an annotation,
 * a rule, the catalog or a role), else {@code other}: a string a caller passes to a
 * programmatic check never becomes a tag.</li>
 * <li>{@code cache}: {@code hit} when the library's own evaluator answered from a cached
 * grant snapshot, {@code miss} when it read the store, {@code none} for another evaluator
 * or with caching off.</li>
 * </ul>
 * It is put in front of the evaluator only when an observation registry would observe
 * decisions ({@link #observes}): otherwise the decision path is left exactly as it is
 * (the library's evaluator is then asked without allocating).
 */
public final class ObservedPermissionEvaluator implements PermissionEvaluator {

	/**
	 * The name of the observation, and of the timer Micrometer makes of it.
	 */
	public static final String NAME = "permission-manager.decision";

	private static final String OTHER = "other";

	private final PermissionEvaluator delegate;

	private final ObservationRegistry registry;

	private final Predicate<String> named;

	private final @Nullable GrantSnapshotCache cache;

	/**
	 * Observe the decisions of an evaluator.
	 * @param delegate the evaluator
	 * @param registry where observations go
	 * @param named whether the application names a permission (so it may be a tag)
	 * @param cache the grant cache the library's evaluator reads, or {@code null}
	 */
	public ObservedPermissionEvaluator(PermissionEvaluator delegate, ObservationRegistry registry,
			Predicate<String> named, @Nullable GrantSnapshotCache cache) {
		Assert.notNull(delegate, "delegate cannot be null");
		Assert.notNull(registry, "registry cannot be null");
		Assert.notNull(named, "named cannot be null");
		this.delegate = delegate;
		this.registry = registry;
		this.named = named;
		// cached or cold is known of the library's own evaluator, on a cache that caches
		this.cache = (delegate instanceof DefaultPermissionEvaluator && cache != null && cache.nativeCache() != null)
				? cache : null;
		if (this.cache != null) {
			this.cache.countLoadsPerThread();
		}
	}

	/**
	 * Whether a registry would observe decisions: it is not the no-op one, has a handler,
	 * and its predicates let {@value #NAME} through (Boot's
	 * {@code management.observations.enable.permission-manager=false} turns them off).
	 * @param registry the registry
	 * @return whether decisions are worth observing
	 */
	public static boolean observes(ObservationRegistry registry) {
		// a registry's predicates are asked when an observation is created, which starts
		// nothing and reports nothing to the handlers
		return !registry.isNoop() && !Observation.createNotStarted(NAME, registry).isNoop();
	}

	@Override
	public @Nullable Decision evaluate(PermissionRequest request) {
		Observation observation = start(request);
		long loads = loads();
		Decision decision = null;
		boolean failed = true;
		try {
			decision = this.delegate.evaluate(request);
			failed = false;
			return decision;
		}
		// Exception, not RuntimeException: an evaluator written in Kotlin or Groovy
		// throws
		// checked exceptions without declaring them
		catch (Exception | Error ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			stop(observation, failed, decision, loads);
		}
	}

	@Override
	public List<@Nullable Decision> evaluateAll(List<PermissionRequest> requests) {
		List<Observation> observations = new ArrayList<>(requests.size());
		requests.forEach((request) -> observations.add(start(request)));
		long loads = loads();
		List<@Nullable Decision> decisions = null;
		try {
			decisions = this.delegate.evaluateAll(requests);
			return decisions;
		}
		catch (Exception | Error ex) {
			observations.forEach((observation) -> observation.error(ex));
			throw ex;
		}
		finally {
			List<@Nullable Decision> answered = decisions;
			for (int i = 0; i < observations.size(); i++) {
				Decision decision = (answered != null && i < answered.size()) ? answered.get(i) : null;
				stop(observations.get(i), answered == null || i >= answered.size(), decision, loads);
			}
		}
	}

	private Observation start(PermissionRequest request) {
		String permission = request.permission();
		return Observation.createNotStarted(NAME, this.registry)
			.contextualName("permission decision")
			.lowCardinalityKeyValue("permission", this.named.test(permission) ? permission : OTHER)
			.start();
	}

	private void stop(Observation observation, boolean failed, @Nullable Decision decision, long loadsBefore) {
		String outcome = failed ? "error" : (decision != null && decision.allowed()) ? "allow" : "deny";
		String cache = (this.cache == null || failed) ? "none"
				: (this.cache.loadsOnThisThread() != loadsBefore) ? "miss" : "hit";
		observation.lowCardinalityKeyValue("outcome", outcome).lowCardinalityKeyValue("cache", cache).stop();
	}

	private long loads() {
		return (this.cache != null) ? this.cache.loadsOnThisThread() : 0;
	}

}
