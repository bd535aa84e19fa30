package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.permissionmanager.Logical;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Combines the decisions of several permissions through the {@link DecisionService}: all
 * of them or any one ({@link Logical}), and the optional ones that never block. A failure
 * of any single decision propagates, so a combination is never decided on part of its
 * answers.
 */
public final class PermissionCombiner {

	// Most bounded by the rules of an application; arbitrary programmatic lists are not
	// cached past it
	private static final int MAX_CACHED = 1024;

	private final DecisionService decisions;

	// The answers of allowed combinations, shared: an allowed call allocates none
	private final Map<List<String>, Outcome> allGranted = new ConcurrentHashMap<>();

	private final Map<String, Outcome> oneGranted = new ConcurrentHashMap<>();

	/**
	 * Create a combiner.
	 * @param decisions decides each permission
	 */
	public PermissionCombiner(DecisionService decisions) {
		Assert.notNull(decisions, "decisions cannot be null");
		this.decisions = decisions;
	}

	/**
	 * Decide the required permissions.
	 * @param subject who asks
	 * @param permissions the required permissions, never empty
	 * @param logical whether all of them or any one is needed
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param context the call's context
	 * @return which were granted and which are missing
	 */
	public Outcome required(Subject subject, List<String> permissions, Logical logical, @Nullable Resource resource,
			PermissionContext context) {
		Assert.notEmpty(permissions, "permissions cannot be empty");
		// one permission is one request: asked as such, whatever the evaluator
		if (permissions.size() > 1 && this.decisions.asksAtOnce()) {
			return combined(permissions, logical, this.decisions.allowsEach(subject, permissions, resource, context));
		}
		// the library's own evaluator: one at a time, so a cached allow allocates nothing
		// (indexed loops: no iterator either)
		if (logical == Logical.ANY) {
			for (int i = 0; i < permissions.size(); i++) {
				String permission = permissions.get(i);
				if (allowed(subject, permission, resource, context)) {
					Outcome granted = this.oneGranted.get(permission);
					return (granted != null) ? granted
							: remember(this.oneGranted, permission, new Outcome(Set.of(permission), List.of()));
				}
			}
			return new Outcome(Set.of(), permissions);
		}
		List<String> missing = null;
		for (int i = 0; i < permissions.size(); i++) {
			String permission = permissions.get(i);
			if (!allowed(subject, permission, resource, context)) {
				missing = (missing != null) ? missing : new ArrayList<>();
				missing.add(permission);
			}
		}
		return granted(permissions, missing);
	}

	private Outcome combined(List<String> permissions, Logical logical, boolean[] allowed) {
		if (logical == Logical.ANY) {
			for (int i = 0; i < allowed.length; i++) {
				if (allowed[i]) {
					String permission = permissions.get(i);
					Outcome granted = this.oneGranted.get(permission);
					return (granted != null) ? granted
							: remember(this.oneGranted, permission, new Outcome(Set.of(permission), List.of()));
				}
			}
			return new Outcome(Set.of(), permissions);
		}
		List<String> missing = null;
		for (int i = 0; i < allowed.length; i++) {
			if (!allowed[i]) {
				missing = (missing != null) ? missing : new ArrayList<>();
				missing.add(permissions.get(i));
			}
		}
		return granted(permissions, missing);
	}

	private Outcome granted(List<String> permissions, @Nullable List<String> missing) {
		if (missing != null) {
			return new Outcome(Set.of(), missing);
		}
		Outcome granted = this.allGranted.get(permissions);
		// the key is copied: a caller's list may change later
		return (granted != null) ? granted
				: remember(this.allGranted, List.copyOf(permissions), new Outcome(Set.copyOf(permissions), List.of()));
	}

	private static <K> Outcome remember(Map<K, Outcome> cache, K key, Outcome outcome) {
		if (cache.size() < MAX_CACHED) {
			cache.put(key, outcome);
		}
		return outcome;
	}

	/**
	 * Decide optional permissions: evaluated, never blocking.
	 * @param subject who asks
	 * @param permissions the optional permissions
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param context the call's context
	 * @return the granted ones
	 */
	public Set<String> optional(Subject subject, List<String> permissions, @Nullable Resource resource,
			PermissionContext context) {
		Set<String> granted = new LinkedHashSet<>();
		if (permissions.size() > 1 && this.decisions.asksAtOnce()) {
			boolean[] allowed = this.decisions.allowsEach(subject, permissions, resource, context);
			for (int i = 0; i < allowed.length; i++) {
				if (allowed[i]) {
					granted.add(permissions.get(i));
				}
			}
			return granted;
		}
		for (String permission : permissions) {
			if (allowed(subject, permission, resource, context)) {
				granted.add(permission);
			}
		}
		return granted;
	}

	private boolean allowed(Subject subject, String permission, @Nullable Resource resource,
			PermissionContext context) {
		return this.decisions.allows(subject, permission, resource, context);
	}

	/**
	 * The answer for the required permissions.
	 *
	 * @param granted the permissions granted (with {@code ANY}, the one that matched)
	 * @param missing the permissions missing; empty when the combination allows
	 */
	public record Outcome(Set<String> granted, List<String> missing) {

		public Outcome {
			granted = Set.copyOf(granted);
			missing = List.copyOf(missing);
		}

		/**
		 * Whether the combination allows.
		 * @return whether nothing is missing
		 */
		public boolean allowed() {
			return this.missing.isEmpty();
		}

	}

}
