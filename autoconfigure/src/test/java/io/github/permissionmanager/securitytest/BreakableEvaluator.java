package io.github.permissionmanager.securitytest;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import org.jspecify.annotations.Nullable;

/**
 * The default evaluator over the grant store, which a test can break.
 */
public final class BreakableEvaluator implements PermissionEvaluator {

	private final DefaultPermissionEvaluator delegate;

	private volatile boolean broken;

	public BreakableEvaluator(GrantSnapshotCache snapshots) {
		this.delegate = new DefaultPermissionEvaluator(snapshots);
	}

	public void broken(boolean broken) {
		this.broken = broken;
	}

	@Override
	public @Nullable Decision evaluate(PermissionRequest request) {
		if (this.broken) {
			throw new IllegalStateException("grant store is down at jdbc:h2:secret-host");
		}
		return this.delegate.evaluate(request);
	}

}
