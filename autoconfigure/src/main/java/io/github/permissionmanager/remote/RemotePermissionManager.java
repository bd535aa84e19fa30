package io.github.permissionmanager.remote;

import java.util.Set;
import java.util.function.Supplier;

import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DecisionService;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@link PermissionManager} of an application whose decisions come from a remote
 * decision point: checks and explanations go through the {@link DecisionService} (its
 * events, its failures as denials) to the {@link RemotePermissionEvaluator}; consistency
 * requirements and {@code objectIds} are asked of the decision point.
 */
public final class RemotePermissionManager implements PermissionManager {

	private final DecisionService decisions;

	private final RemotePermissionEvaluator remote;

	private final Supplier<Subject> currentSubject;

	/**
	 * Create a manager.
	 * @param decisions the decision path, whose evaluator is {@code remote}
	 * @param remote asks the decision point
	 * @param currentSubject builds the current user's subject as a guarded call does
	 */
	public RemotePermissionManager(DecisionService decisions, RemotePermissionEvaluator remote,
			Supplier<Subject> currentSubject) {
		Assert.notNull(decisions, "decisions cannot be null");
		Assert.notNull(remote, "remote cannot be null");
		Assert.notNull(currentSubject, "currentSubject cannot be null");
		this.decisions = decisions;
		this.remote = remote;
		this.currentSubject = currentSubject;
	}

	@Override
	public Subject currentSubject() {
		return this.currentSubject.get();
	}

	@Override
	public boolean check(Subject subject, String permission, @Nullable Resource resource) {
		return this.decisions.allowsOrDenies(subject, permission, resource);
	}

	@Override
	public Decision explain(Subject subject, String permission, @Nullable Resource resource) {
		return this.decisions
			.decideOrDeny(new PermissionRequest(subject, permission, resource, PermissionContext.empty()));
	}

	@Override
	public Decision explain(Subject subject, String permission, @Nullable Resource resource, Consistency consistency) {
		Assert.notNull(consistency, "consistency cannot be null");
		return this.remote.honouring(consistency, () -> explain(subject, permission, resource));
	}

	/**
	 * {@inheritDoc}
	 * @throws PermissionEvaluationException when the decision point cannot answer
	 */
	@Override
	public Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant) {
		return this.remote.objectIds(subject, permission, resourceType, tenant, null);
	}

	@Override
	public Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant,
			Consistency consistency) {
		Assert.notNull(consistency, "consistency cannot be null");
		return this.remote.objectIds(subject, permission, resourceType, tenant, consistency);
	}

}
