package io.github.permissionmanager.filter;

import java.util.function.Supplier;

import io.github.permissionmanager.AuthenticationRequiredException;
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
 * default evaluator decides from) into the objects it may act on. Anything that would
 * make the filter disagree with a check fails the query instead of widening it: no user
 * (401), a store failure, an evaluator other than the default one, more object grants
 * than {@code maxObjectIds} (503).
 */
public final class DefaultPermissionFilters implements PermissionFilters {

	private static final Log logger = LogFactory.getLog(DefaultPermissionFilters.class);

	private final GrantSnapshotCache snapshots;

	private final Supplier<@Nullable PermissionEvaluator> evaluator;

	private final Supplier<SubjectResolver> subjectResolver;

	private final IdConversion conversion;

	private final int maxObjectIds;

	private final Supplier<Boolean> stringsCompareLoosely;

	private final Supplier<CurrentCaller> caller;

	/**
	 * Create the filters.
	 * @param snapshots the grant snapshots checks decide from
	 * @param evaluator the application's evaluator, which must be the default one reading
	 * those snapshots (looked up on use)
	 * @param subjectResolver builds the current user's subject, as checks do (looked up
	 * on use)
	 * @param conversionService converts grant ids to the id attribute's type
	 * @param maxObjectIds the most object ids one filter may compile to
	 * @param stringsCompareLoosely whether the database compares strings ignoring case or
	 * trailing spaces by default (MariaDB, MySQL), so string ids must be compared as
	 * bytes (asked on first use)
	 */
	public DefaultPermissionFilters(GrantSnapshotCache snapshots, Supplier<@Nullable PermissionEvaluator> evaluator,
			Supplier<SubjectResolver> subjectResolver, ConversionService conversionService, int maxObjectIds,
			Supplier<Boolean> stringsCompareLoosely) {
		this(snapshots, evaluator, subjectResolver, conversionService, maxObjectIds, stringsCompareLoosely,
				CurrentCaller::new);
	}

	/**
	 * Create the filters, reading the current user as checks do.
	 * @param snapshots the grant snapshots checks decide from
	 * @param evaluator the application's evaluator, which must be the default one reading
	 * those snapshots (looked up on use)
	 * @param subjectResolver builds the current user's subject, as checks do (looked up
	 * on use)
	 * @param conversionService converts grant ids to the id attribute's type
	 * @param maxObjectIds the most object ids one filter may compile to
	 * @param stringsCompareLoosely whether the database compares strings ignoring case or
	 * trailing spaces by default (MariaDB, MySQL), so string ids must be compared as
	 * bytes (asked on first use)
	 * @param caller reads the current user, the same way checks and the audit trail do
	 * (looked up on first use)
	 */
	public DefaultPermissionFilters(GrantSnapshotCache snapshots, Supplier<@Nullable PermissionEvaluator> evaluator,
			Supplier<SubjectResolver> subjectResolver, ConversionService conversionService, int maxObjectIds,
			Supplier<Boolean> stringsCompareLoosely, Supplier<CurrentCaller> caller) {
		Assert.notNull(snapshots, "snapshots cannot be null");
		Assert.notNull(evaluator, "evaluator cannot be null");
		Assert.notNull(subjectResolver, "subjectResolver cannot be null");
		Assert.isTrue(maxObjectIds > 0, "maxObjectIds must be positive");
		Assert.notNull(stringsCompareLoosely, "stringsCompareLoosely cannot be null");
		this.snapshots = snapshots;
		this.evaluator = evaluator;
		this.subjectResolver = subjectResolver;
		this.conversion = new IdConversion(conversionService);
		this.maxObjectIds = maxObjectIds;
		this.stringsCompareLoosely = SingletonSupplier.of(stringsCompareLoosely);
		this.caller = SingletonSupplier.of(caller);
	}

	@Override
	public PermissionFilter permitted(String permission) {
		Assert.hasText(permission, "permission cannot be empty");
		return new DefaultPermissionFilter(this, null, permission, null);
	}

	@Override
	public PermissionFilter permitted(Subject subject, String permission) {
		Assert.notNull(subject, "subject cannot be null");
		Assert.hasText(permission, "permission cannot be empty");
		return new DefaultPermissionFilter(this, subject, permission, null);
	}

	boolean stringsCompareLoosely() {
		try {
			return this.stringsCompareLoosely.get();
		}
		catch (RuntimeException ex) {
			throw new PermissionEvaluationException("Could not find out how the database compares strings", ex);
		}
	}

	IdConversion conversion() {
		return this.conversion;
	}

	/**
	 * What the subject may act on, read now (never cached in a query plan).
	 */
	PermittedObjects permittedObjects(@Nullable Subject given, String permission, String resourceType,
			@Nullable String tenant) {
		Subject subject = (given != null) ? given : currentSubject(permission);
		PermissionEvaluator current = this.evaluator.get();
		if (!(current instanceof DefaultPermissionEvaluator)) {
			throw new PermissionEvaluationException("A permission filter compiles the grant store's grants, but checks "
					+ "are decided by " + ((current != null) ? current.getClass().getName() : "no evaluator")
					+ "; its decisions cannot be turned into a query");
		}
		PermittedObjects objects;
		try {
			objects = this.snapshots.permitted(subject, permission, resourceType, tenant);
		}
		catch (IllegalArgumentException ex) {
			// as a check does: a permission that cannot be parsed is allowed on nothing
			logger.warn(LogMessage.format("Permission filter on '%s' admits no row: %s", permission, ex.getMessage()));
			return PermittedObjects.none();
		}
		catch (RuntimeException ex) {
			throw new PermissionEvaluationException("Could not read the grants of '" + subject.id() + "' to filter "
					+ resourceType + " by " + permission, ex);
		}
		if (objects.ids().size() > this.maxObjectIds) {
			throw new PermissionEvaluationException("'" + subject.id() + "' holds " + permission + " on "
					+ objects.ids().size() + " objects of " + resourceType + ", more than permission-manager.filter"
					+ ".max-object-ids (" + this.maxObjectIds + "): grant it on the whole type or raise the limit");
		}
		return objects;
	}

	private Subject currentSubject(String permission) {
		// none, anonymous or nameless (a JWT without sub) is nobody, as for a check
		Authentication authentication = this.caller.get().authentication();
		if (authentication == null) {
			throw new AuthenticationRequiredException(
					"A permission filter on " + permission + " needs an authenticated user");
		}
		return this.subjectResolver.get().resolve(authentication);
	}

}
