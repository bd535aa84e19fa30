package io.github.permissionmanager.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Logical;
import io.github.permissionmanager.PermissionAuthorizationDecision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.TenantResolver;
import io.github.permissionmanager.resolve.RequestValues;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * The one path the Spring Security bridges decide through: the subject from the
 * authentication (none or anonymous: denied), the tenant, then each permission through
 * the {@link PermissionManager}, so every bridge follows the same rules as
 * {@code PermissionManager#check} and publishes the same decision events. Anything that
 * goes wrong is a denial. A denial inside an HTTP request is remembered in the request,
 * so the problem response can name what was missing.
 */
public final class PermissionChecks {

	private static final Log logger = LogFactory.getLog(PermissionChecks.class);

	/**
	 * The request attribute holding the request's denials, a list of
	 * {@link PermissionAuthorizationDecision}s.
	 */
	public static final String DENIALS_ATTRIBUTE = PermissionChecks.class.getName() + ".DENIALS";

	private final Supplier<PermissionManager> manager;

	private final Supplier<SubjectResolver> subjects;

	private final Supplier<@Nullable TenantResolver> tenants;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * Create the checks; collaborators are looked up on first use.
	 * @param manager decides each permission
	 * @param subjects builds the subject from the authentication
	 * @param tenants finds the tenant, or supplies {@code null} for none
	 */
	public PermissionChecks(Supplier<PermissionManager> manager, Supplier<SubjectResolver> subjects,
			Supplier<@Nullable TenantResolver> tenants) {
		Assert.notNull(manager, "manager cannot be null");
		Assert.notNull(subjects, "subjects cannot be null");
		Assert.notNull(tenants, "tenants cannot be null");
		this.manager = SingletonSupplier.of(manager);
		this.subjects = SingletonSupplier.of(subjects);
		this.tenants = tenants;
	}

	/**
	 * Decide whether the caller holds the permissions on a resource.
	 * @param authentication the caller, or {@code null} for none
	 * @param permissions the permissions
	 * @param logical whether all or any of them are needed
	 * @param resource the resource without its tenant, or {@code null} for an unscoped
	 * check
	 * @param context what the tenant resolver may read (path variables, parameters)
	 * @return the decision, never {@code null}
	 */
	public PermissionAuthorizationDecision decide(@Nullable Authentication authentication, List<String> permissions,
			Logical logical, @Nullable Resource resource, PermissionContext context) {
		return decide(authentication, permissions, logical, resource, context, PermissionChecks::remember);
	}

	/**
	 * Decide whether the caller holds the permissions on a resource, handing a denial to
	 * the given sink instead of the current request.
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
			logger.warn("Could not decide " + permissions + " on " + resource + "; denied", ex);
			decision = new PermissionAuthorizationDecision(false, "evaluation failed", permissions, resource);
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

	private PermissionAuthorizationDecision evaluate(@Nullable Authentication authentication, List<String> permissions,
			Logical logical, @Nullable Resource resource, PermissionContext context) {
		if (authentication == null || !authentication.isAuthenticated()
				|| this.trustResolver.isAnonymous(authentication)) {
			return new PermissionAuthorizationDecision(false, "no authenticated user", permissions, resource);
		}
		Subject subject = this.subjects.get().resolve(authentication);
		TenantResolver tenantResolver = this.tenants.get();
		if (resource != null && tenantResolver != null) {
			String tenant = tenantResolver.resolveTenant(subject, context);
			if (tenant != null) {
				resource = resource.withTenant(tenant);
			}
		}
		List<String> missing = new ArrayList<>();
		String reason = "no permission given";
		for (String permission : permissions) {
			Decision decision = this.manager.get().explain(subject, permission, resource);
			if (decision.allowed() && logical == Logical.ANY) {
				return new PermissionAuthorizationDecision(true, decision.reason(), List.of(), resource);
			}
			if (!decision.allowed()) {
				missing.add(permission);
			}
			reason = decision.reason();
		}
		if (logical == Logical.ANY || !missing.isEmpty()) {
			return new PermissionAuthorizationDecision(false, reason, missing, resource);
		}
		return new PermissionAuthorizationDecision(true, reason, List.of(), resource);
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
