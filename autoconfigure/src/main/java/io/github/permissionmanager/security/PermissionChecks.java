package io.github.permissionmanager.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.permissionmanager.Logical;
import io.github.permissionmanager.PermissionAuthorizationDecision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.TenantResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.PermissionCombiner;
import io.github.permissionmanager.resolve.RequestValues;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * The one path the Spring Security bridges decide through: the caller (as the one
 * {@link CurrentCaller} judges it: none, anonymous or nameless is denied), the subject,
 * the tenant, then the permissions through the {@link DecisionService} and the
 * {@link PermissionCombiner} a {@code @RequiresPermissions} check uses, so every bridge
 * follows the same rules and publishes the same decision events. A denial inside an HTTP
 * request is remembered in the request, so the problem response can name what was
 * missing.
 * <p>
 * A check that cannot be answered is not a denial: a boolean "no" could be negated by the
 * expression around it ({@code !hasPermission(...)}). It is a refusal — a
 * {@link PermissionEvaluationException} when the store or a collaborator failed (503), a
 * {@link PermissionDeniedException} when the tenant sources disagree (403), a
 * {@link PermissionContextException} when the tenant is given ambiguously (400) — thrown
 * to a method-security expression, and handed to a request rule as a
 * {@link PermissionRefusal}.
 */
public final class PermissionChecks {

	private static final Log logger = LogFactory.getLog(PermissionChecks.class);

	/**
	 * The request attribute holding the request's denials, a list of
	 * {@link PermissionAuthorizationDecision}s.
	 */
	public static final String DENIALS_ATTRIBUTE = PermissionChecks.class.getName() + ".DENIALS";

	private static final String NO_CALLER = "no authenticated user";

	private final Supplier<PermissionCombiner> permissions;

	private final Supplier<SubjectResolver> subjects;

	private final Supplier<@Nullable TenantResolver> tenants;

	private final Supplier<CurrentCaller> caller;

	/**
	 * Create the checks; collaborators are looked up on first use.
	 * @param decisions decides each permission, as for {@code @RequiresPermissions}
	 * @param subjects builds the subject from the authentication
	 * @param tenants finds the tenant, or supplies {@code null} for none
	 * @param caller tells whether an authentication is an authenticated caller, and reads
	 * the current one
	 */
	public PermissionChecks(Supplier<DecisionService> decisions, Supplier<SubjectResolver> subjects,
			Supplier<@Nullable TenantResolver> tenants, Supplier<CurrentCaller> caller) {
		Assert.notNull(decisions, "decisions cannot be null");
		Assert.notNull(subjects, "subjects cannot be null");
		Assert.notNull(tenants, "tenants cannot be null");
		Assert.notNull(caller, "caller cannot be null");
		this.permissions = SingletonSupplier.of(() -> new PermissionCombiner(decisions.get()));
		this.subjects = SingletonSupplier.of(subjects);
		this.tenants = tenants;
		this.caller = SingletonSupplier.of(caller);
	}

	/**
	 * Decide whether the caller holds the permissions on a resource; a denial is
	 * remembered in the current request.
	 * @param authentication the caller, or {@code null} for none
	 * @param permissions the permissions
	 * @param logical whether all or any of them are needed
	 * @param resource the resource without its tenant, or {@code null} for an unscoped
	 * check
	 * @param context what the tenant resolver may read (path variables, parameters)
	 * @return the decision, never {@code null}
	 * @throws PermissionEvaluationException when the decision cannot be made
	 * @throws PermissionDeniedException when the tenant sources disagree
	 * @throws PermissionContextException when the tenant is given ambiguously
	 */
	public PermissionAuthorizationDecision decide(@Nullable Authentication authentication, List<String> permissions,
			Logical logical, @Nullable Resource resource, PermissionContext context) {
		PermissionAuthorizationDecision decision = evaluate(authentication, permissions, logical, resource, context);
		if (!decision.isGranted()) {
			remember(decision);
		}
		return decision;
	}

	/**
	 * Decide whether the current caller (of the security context) holds the permissions
	 * on a resource, as
	 * {@link #decide(Authentication, List, Logical, Resource, PermissionContext)} does.
	 * @param permissions the permissions
	 * @param resource the resource without its tenant, or {@code null} for an unscoped
	 * check
	 * @param context what the tenant resolver may read (path variables, parameters)
	 * @return the decision, never {@code null}
	 */
	public PermissionAuthorizationDecision decideForCurrentCaller(List<String> permissions, @Nullable Resource resource,
			PermissionContext context) {
		return decide(this.caller.get().authentication(), permissions, Logical.ALL, resource, context);
	}

	/**
	 * Decide whether the caller holds the permissions on a resource, handing a denial to
	 * the given sink instead of the current request; a check that cannot be answered is a
	 * {@link PermissionRefusal}, never an exception.
	 * @param authentication the caller, or {@code null} for none
	 * @param permissions the permissions
	 * @param logical whether all or any of them are needed
	 * @param resource the resource without its tenant, or {@code null} for an unscoped
	 * check
	 * @param context what the tenant resolver may read (path variables, parameters)
	 * @param denials receives a denial
	 * @return the decision, never {@code null}
	 */
	public PermissionAuthorizationDecision decide(@Nullable Authentication authentication, List<String> permissions,
			Logical logical, @Nullable Resource resource, PermissionContext context,
			Consumer<PermissionAuthorizationDecision> denials) {
		PermissionAuthorizationDecision decision;
		try {
			decision = evaluate(authentication, permissions, logical, resource, context);
		}
		catch (RuntimeException ex) {
			decision = new PermissionRefusal(ex, permissions, resource);
		}
		if (!decision.isGranted()) {
			denials.accept(decision);
		}
		return decision;
	}

	/**
	 * A denial of a resource the caller's expression did not name.
	 * @param permission the permission asked for
	 * @param reason why there is no resource
	 * @return the denial, remembered in the current request
	 */
	public PermissionAuthorizationDecision deny(String permission, String reason) {
		PermissionAuthorizationDecision decision = new PermissionAuthorizationDecision(false, reason,
				List.of(permission), null);
		remember(decision);
		return decision;
	}

	/**
	 * Whether nobody is authenticated, as every Permission Manager check judges it.
	 * @return whether the current caller is missing, anonymous or nameless
	 */
	public boolean noCurrentCaller() {
		return this.caller.get().authentication() == null;
	}

	private PermissionAuthorizationDecision evaluate(@Nullable Authentication authentication, List<String> permissions,
			Logical logical, @Nullable Resource resource, PermissionContext context) {
		try {
			return sequence(authentication, permissions, logical, resource, context);
		}
		catch (PermissionEvaluationException | PermissionDeniedException | PermissionContextException ex) {
			throw ex;
		}
		// anything else a collaborator throws is no answer
		catch (RuntimeException | Error ex) {
			throw new PermissionEvaluationException("Could not decide " + permissions + " on " + resource, ex);
		}
	}

	private PermissionAuthorizationDecision sequence(@Nullable Authentication authentication, List<String> permissions,
			Logical logical, @Nullable Resource resource, PermissionContext context) {
		Authentication caller = this.caller.get().authenticated(authentication);
		if (caller == null) {
			return new PermissionAuthorizationDecision(false, NO_CALLER, permissions, resource);
		}
		Subject subject = this.subjects.get().resolve(caller);
		TenantResolver tenantResolver = this.tenants.get();
		if (resource != null && tenantResolver != null) {
			String tenant = tenantResolver.resolveTenant(subject, context);
			if (tenant != null) {
				resource = resource.withTenant(tenant);
			}
		}
		PermissionCombiner.Outcome outcome = this.permissions.get()
			.required(subject, permissions, logical, resource, context);
		if (!outcome.allowed()) {
			return new PermissionAuthorizationDecision(false, subject.id() + " lacks " + outcome.missing(),
					outcome.missing(), resource);
		}
		return new PermissionAuthorizationDecision(true, "allowed " + outcome.granted(), List.of(), resource);
	}

	private static void remember(PermissionAuthorizationDecision decision) {
		RequestValues request = RequestValues.current();
		if (request != null) {
			remember(decision, request::getAttribute, request::setAttribute);
		}
	}

	/**
	 * Remember a denial among a request's attributes.
	 * @param decision the denial
	 * @param get reads a request attribute
	 * @param set writes a request attribute
	 */
	@SuppressWarnings("unchecked")
	public static void remember(PermissionAuthorizationDecision decision, Function<String, @Nullable Object> get,
			BiConsumer<String, Object> set) {
		if (logger.isDebugEnabled()) {
			logger.debug(LogMessage.format("Denied %s", decision));
		}
		List<PermissionAuthorizationDecision> denials = (List<PermissionAuthorizationDecision>) get
			.apply(DENIALS_ATTRIBUTE);
		if (denials == null) {
			denials = new ArrayList<>();
			set.accept(DENIALS_ATTRIBUTE, denials);
		}
		denials.add(decision);
	}

	/**
	 * The denials remembered in the current request, oldest first.
	 * @return the denials, empty outside a request or when there were none
	 */
	public static List<PermissionAuthorizationDecision> denials() {
		RequestValues request = RequestValues.current();
		return (request != null) ? denials(request.getAttribute(DENIALS_ATTRIBUTE)) : List.of();
	}

	/**
	 * The denials held by a request attribute.
	 * @param attribute the value of {@link #DENIALS_ATTRIBUTE}
	 * @return the denials, empty when there were none
	 */
	@SuppressWarnings("unchecked")
	public static List<PermissionAuthorizationDecision> denials(@Nullable Object attribute) {
		return (attribute instanceof List<?> list) ? List.copyOf((List<PermissionAuthorizationDecision>) list)
				: List.of();
	}

}
