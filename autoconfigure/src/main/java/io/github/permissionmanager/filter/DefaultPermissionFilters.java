package io.github.permissionmanager.filter;

import java.util.Map;
import java.util.function.Supplier;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionFilter;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.PermittedObjects;
import io.github.permissionmanager.decide.PermittedObjectsByTenant;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.log.LogMessage;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * The default {@link PermissionFilters}: compiles a subject's grant snapshot (the one the
 * default evaluator decides from) into the objects it may act on: a list of ids up to
 * {@code maxObjectIds}, a correlated {@code EXISTS} on the grant table beyond. Anything
 * that would make the filter disagree with a check fails the query instead of widening
 * it: no user (401), a store failure, an evaluator other than the default one, a subject
 * whose object grants cannot be listed nor found in the grant table (503).
 */
public final class DefaultPermissionFilters implements PermissionFilters {

	private static final Log logger = LogFactory.getLog(DefaultPermissionFilters.class);

	private final GrantSnapshotCache snapshots;

	private final Supplier<@Nullable PermissionEvaluator> evaluator;

	private final Supplier<SubjectResolver> subjectResolver;

	private final IdConversion conversion;

	private final int maxObjectIds;

	private final GrantTable grantTable;

	private final Supplier<CurrentCaller> caller;

	/**
	 * Create the filters, reading the current user as checks do.
	 * @param snapshots the grant snapshots checks decide from
	 * @param evaluator the application's evaluator, which must be the default one reading
	 * those snapshots (looked up on use)
	 * @param subjectResolver builds the current user's subject, as checks do (looked up
	 * on use)
	 * @param conversionService converts grant ids to the id attribute's type
	 * @param maxObjectIds the most object ids one filter lists; beyond, it looks them up
	 * in the grant table
	 * @param grantTable the grant table, for subjects with more object ids than that
	 */
	public DefaultPermissionFilters(GrantSnapshotCache snapshots, Supplier<@Nullable PermissionEvaluator> evaluator,
			Supplier<SubjectResolver> subjectResolver, ConversionService conversionService, int maxObjectIds,
			GrantTable grantTable) {
		this(snapshots, evaluator, subjectResolver, conversionService, maxObjectIds, grantTable, CurrentCaller::new);
	}

	/**
	 * Create the filters.
	 * @param snapshots the grant snapshots checks decide from
	 * @param evaluator the application's evaluator, which must be the default one reading
	 * those snapshots (looked up on use)
	 * @param subjectResolver builds the current user's subject, as checks do (looked up
	 * on use)
	 * @param conversionService converts grant ids to the id attribute's type
	 * @param maxObjectIds the most object ids one filter lists; beyond, it looks them up
	 * in the grant table
	 * @param grantTable the grant table, for subjects with more object ids than that
	 * @param caller reads the current user, the same way checks and the audit trail do
	 * (looked up on first use)
	 */
	public DefaultPermissionFilters(GrantSnapshotCache snapshots, Supplier<@Nullable PermissionEvaluator> evaluator,
			Supplier<SubjectResolver> subjectResolver, ConversionService conversionService, int maxObjectIds,
			GrantTable grantTable, Supplier<CurrentCaller> caller) {
		Assert.notNull(snapshots, "snapshots cannot be null");
		Assert.notNull(evaluator, "evaluator cannot be null");
		Assert.notNull(subjectResolver, "subjectResolver cannot be null");
		Assert.isTrue(maxObjectIds >= 0, "maxObjectIds cannot be negative");
		Assert.notNull(grantTable, "grantTable cannot be null");
		this.snapshots = snapshots;
		this.evaluator = evaluator;
		this.subjectResolver = subjectResolver;
		this.conversion = new IdConversion(conversionService);
		this.maxObjectIds = maxObjectIds;
		this.grantTable = grantTable;
		this.caller = SingletonSupplier.of(caller);
	}

	@Override
	public PermissionFilter permitted(String permission) {
		Assert.hasText(permission, "permission cannot be empty");
		return new DefaultPermissionFilter(this, null, permission, null, null, null);
	}

	@Override
	public PermissionFilter permitted(Subject subject, String permission) {
		Assert.notNull(subject, "subject cannot be null");
		Assert.hasText(permission, "permission cannot be empty");
		return new DefaultPermissionFilter(this, subject, permission, null, null, null);
	}

	@Override
	public PermissionFilter permitted(String permission, Consistency consistency) {
		Assert.hasText(permission, "permission cannot be empty");
		Assert.notNull(consistency, "consistency cannot be null");
		return new DefaultPermissionFilter(this, null, permission, null, null, consistency);
	}

	@Override
	public PermissionFilter permitted(Subject subject, String permission, Consistency consistency) {
		Assert.notNull(subject, "subject cannot be null");
		Assert.hasText(permission, "permission cannot be empty");
		Assert.notNull(consistency, "consistency cannot be null");
		return new DefaultPermissionFilter(this, subject, permission, null, null, consistency);
	}

	IdConversion conversion() {
		return this.conversion;
	}

	GrantTable grantTable() {
		return this.grantTable;
	}

	/**
	 * Whether this many object ids are listed rather than looked up in the grant table.
	 */
	boolean listed(int objectIds) {
		return objectIds <= this.maxObjectIds;
	}

	/**
	 * The subject to filter for: the given one, else the current user, read now.
	 */
	Subject subject(@Nullable Subject given, String permission) {
		if (given != null) {
			return given;
		}
		// none, anonymous or nameless (a JWT without sub) is nobody, as for a check
		Authentication authentication = this.caller.get().authentication();
		if (authentication == null) {
			throw new AuthenticationRequiredException(
					"A permission filter on " + permission + " needs an authenticated user");
		}
		return this.subjectResolver.get().resolve(authentication);
	}

	/**
	 * What the subject may act on, read now (never cached in a query plan).
	 */
	PermittedObjects permittedObjects(Subject subject, String permission, String resourceType, @Nullable String tenant,
			@Nullable Consistency consistency) {
		return read(subject, permission, resourceType, consistency,
				() -> this.snapshots.permitted(subject, permission, resourceType, tenant), PermittedObjects.none());
	}

	/**
	 * What the subject may act on in each tenant, read now.
	 */
	PermittedObjectsByTenant permittedByTenant(Subject subject, String permission, String resourceType,
			@Nullable Consistency consistency) {
		return read(subject, permission, resourceType, consistency,
				() -> this.snapshots.permittedByTenant(subject, permission, resourceType),
				new PermittedObjectsByTenant(PermittedObjects.none(), Map.of()));
	}

	// With a consistency requirement, the grants are read as a check with it reads them
	private <T> T read(Subject subject, String permission, String resourceType, @Nullable Consistency consistency,
			Supplier<T> answer, T nothing) {
		PermissionEvaluator current = this.evaluator.get();
		if (!(current instanceof DefaultPermissionEvaluator)) {
			throw new PermissionEvaluationException("A permission filter compiles the grant store's grants, but checks "
					+ "are decided by " + ((current != null) ? current.getClass().getName() : "no evaluator")
					+ "; its decisions cannot be turned into a query");
		}
		try {
			return (consistency != null) ? this.snapshots.trust().honouring(consistency, answer) : answer.get();
		}
		catch (IllegalArgumentException ex) {
			// as a check does: a permission that cannot be parsed is allowed on nothing
			logger.warn(LogMessage.format("Permission filter on '%s' admits no row: %s", permission, ex.getMessage()));
			return nothing;
		}
		catch (RuntimeException ex) {
			throw new PermissionEvaluationException("Could not read the grants of '" + subject.id() + "' to filter "
					+ resourceType + " by " + permission, ex);
		}
	}

}
