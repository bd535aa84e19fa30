package io.github.permissionmanager.decide;

import java.util.Set;
import java.util.function.Supplier;

import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The default {@link PermissionManager}: checks and explanations go through the
 * {@link DecisionService}, like annotated checks, so they are published as events and any
 * failure is a denial; {@link #objectIds} reads the subject's grant snapshot (or, with a
 * remote decision point, asks it: {@link ConsistentReads}).
 * <p>
 * {@code objectIds} lists only the objects named by object grants. When a grant covers
 * the whole type (or every resource), the objects cannot be listed from grants: check
 * {@code Resource.ofType(type)} first, and when it is allowed, list every object.
 * <p>
 * A check with {@link Consistency#atLeast(ConsistencyToken)} answers from the cache when
 * this instance has applied the change log up to the token (and its cache is trusted),
 * and reads the store otherwise; {@link Consistency#full()} always reads the store.
 * {@code objectIds} with a {@link Consistency} does the same. Without a grant store there
 * is no cache whose freshness could be vouched for, so such checks deny.
 */
public final class DefaultPermissionManager implements PermissionManager {

	private final DecisionService decisions;

	private final @Nullable ConsistentReads reads;

	private final Supplier<Subject> currentSubject;

	/**
	 * Create a manager that cannot read the current user.
	 * @param decisions the decision path
	 * @param snapshots the grant snapshots {@link #objectIds} reads, or {@code null} when
	 * there is no grant store
	 */
	public DefaultPermissionManager(DecisionService decisions, @Nullable GrantSnapshotCache snapshots) {
		this(decisions, snapshots, () -> {
			throw new PermissionEvaluationException("this PermissionManager cannot read the current user");
		});
	}

	/**
	 * Create a manager.
	 * @param decisions the decision path
	 * @param snapshots the grant snapshots {@link #objectIds} reads, or {@code null} when
	 * there is no grant store
	 * @param currentSubject builds the current user's subject as a guarded call does,
	 * throwing {@link io.github.permissionmanager.AuthenticationRequiredException} when
	 * nobody is authenticated
	 */
	public DefaultPermissionManager(DecisionService decisions, @Nullable GrantSnapshotCache snapshots,
			Supplier<Subject> currentSubject) {
		this(decisions, (snapshots != null) ? ConsistentReads.of(snapshots) : null, currentSubject);
	}

	/**
	 * Create a manager whose consistency requirements and object lists are answered by
	 * the given reads, such as a remote decision point's.
	 * @param decisions the decision path
	 * @param reads honours consistency requirements and lists objects, or {@code null}
	 * when nothing can (no grant store: such checks deny, {@link #objectIds} fails)
	 * @param currentSubject builds the current user's subject as a guarded call does
	 */
	public DefaultPermissionManager(DecisionService decisions, @Nullable ConsistentReads reads,
			Supplier<Subject> currentSubject) {
		Assert.notNull(decisions, "decisions cannot be null");
		Assert.notNull(currentSubject, "currentSubject cannot be null");
		this.decisions = decisions;
		this.reads = reads;
		this.currentSubject = currentSubject;
	}

	@Override
	public Subject currentSubject() {
		return this.currentSubject.get();
	}

	@Override
	public boolean check(Subject subject, String permission, @Nullable Resource resource) {
		// the same decision as explain(), whose reason is built only when something reads
		// it
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
		if (this.reads == null) {
			return Decision.deny("no grant store: cannot honour the consistency requirement " + consistency);
		}
		return this.reads.honouring(consistency, () -> explain(subject, permission, resource));
	}

	/**
	 * {@inheritDoc}
	 * @throws PermissionEvaluationException when the store fails, there is no store, or
	 * the permission cannot be parsed
	 */
	@Override
	public Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant) {
		return listObjectIds(subject, permission, resourceType, tenant, null);
	}

	/**
	 * {@inheritDoc}
	 * @throws PermissionEvaluationException when the store fails, there is no store, or
	 * the permission cannot be parsed
	 */
	@Override
	public Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant,
			Consistency consistency) {
		Assert.notNull(consistency, "consistency cannot be null");
		return listObjectIds(subject, permission, resourceType, tenant, consistency);
	}

	private Set<String> listObjectIds(Subject subject, String permission, String resourceType, @Nullable String tenant,
			@Nullable Consistency consistency) {
		Assert.notNull(subject, "subject cannot be null");
		Assert.hasText(resourceType, "resourceType cannot be empty");
		if (this.reads == null) {
			throw new PermissionEvaluationException("objectIds needs the grant store, and there is none");
		}
		return this.reads.objectIds(subject, permission, resourceType, tenant, consistency);
	}

}
