package io.github.permissionmanager.enforce;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Logical;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.TenantResolver;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.resolve.ContextResolver;
import io.github.permissionmanager.resolve.RequestValues;
import io.github.permissionmanager.resolve.ResolvedContext;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.Assert;

/**
 * Applies one {@link PermissionRule} to one call, in this order: the {@code methods}
 * filter (inside an HTTP request only), authentication (none or anonymous: 401), context
 * resolution, {@code leaveIf}, {@code check}, the required permissions ({@code ALL} or
 * {@code ANY}), then the {@code optional} ones. It answers with the context to hand to
 * the method, or throws: nothing but a clean allow lets the method run.
 */
public final class PermissionEnforcer {

	private final DecisionService decisions;

	private final ContextResolver contextResolver;

	private final SubjectResolver subjectResolver;

	private final @Nullable TenantResolver tenantResolver;

	private final boolean hideExistence;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * Create an enforcer.
	 * @param decisions decides each permission
	 * @param contextResolver resolves what a call touches
	 * @param subjectResolver builds the subject from the authentication
	 * @param tenantResolver finds the tenant, or {@code null} for none
	 * @param hideExistence whether a missing object is reported as a denial
	 */
	public PermissionEnforcer(DecisionService decisions, ContextResolver contextResolver,
			SubjectResolver subjectResolver, @Nullable TenantResolver tenantResolver, boolean hideExistence) {
		Assert.notNull(decisions, "decisions cannot be null");
		Assert.notNull(contextResolver, "contextResolver cannot be null");
		Assert.notNull(subjectResolver, "subjectResolver cannot be null");
		this.decisions = decisions;
		this.contextResolver = contextResolver;
		this.subjectResolver = subjectResolver;
		this.tenantResolver = tenantResolver;
		this.hideExistence = hideExistence;
	}

	/**
	 * Apply a rule to a call.
	 * @param rule the method's rule
	 * @param arguments the call's arguments
	 * @return the context the method may receive, with the granted permissions recorded
	 * @throws AuthenticationRequiredException when nobody is authenticated
	 * @throws PermissionDeniedException when a required permission or the {@code check}
	 * fails
	 * @throws PermissionContextException when the context cannot be resolved
	 * @throws PermissionEvaluationException when a decision cannot be made
	 */
	public PermissionContext enforce(PermissionRule rule, @Nullable Object[] arguments) {
		RequestValues request = RequestValues.current();
		if (!rule.appliesTo((request != null) ? request.httpMethod() : null)) {
			return PermissionContext.empty();
		}
		Subject subject = subject(rule);
		ResolvedContext resolved = resolve(rule, arguments, request);
		PermissionContext context = resolved.context();
		Resource resource = resolved.resource();
		if (resource != null && this.tenantResolver != null) {
			String tenant = this.tenantResolver.resolveTenant(subject, context);
			if (tenant != null) {
				resource = resource.withTenant(tenant);
			}
		}
		Set<String> granted = null;
		boolean leave = rule.leaveIf() != null && RuleConditions.evaluate("leaveIf", rule.leaveIf(), context, subject);
		if (!leave) {
			if (rule.check() != null && !RuleConditions.evaluate("check", rule.check(), context, subject)) {
				throw new PermissionDeniedException(
						rule.method() + ": check '" + rule.check().getExpressionString() + "' denied " + subject.id(),
						List.of(), resource);
			}
			granted = checkRequired(rule, subject, resource, context);
		}
		if (!rule.optional().isEmpty()) {
			granted = (granted != null) ? new LinkedHashSet<>(granted) : new LinkedHashSet<>();
			for (String permission : rule.optional()) {
				if (this.decisions.decide(new PermissionRequest(subject, permission, resource, context)).allowed()) {
					granted.add(permission);
				}
			}
		}
		if (rule.contextArgumentIndex() < 0 || granted == null) {
			return context;
		}
		return context.withGranted(granted);
	}

	private Subject subject(PermissionRule rule) {
		Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
			.getContext()
			.getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| this.trustResolver.isAnonymous(authentication)) {
			throw new AuthenticationRequiredException(rule.method() + " needs an authenticated user");
		}
		return this.subjectResolver.resolve(authentication);
	}

	private ResolvedContext resolve(PermissionRule rule, @Nullable Object[] arguments,
			@Nullable RequestValues request) {
		try {
			return this.contextResolver.resolve(rule.plan(), arguments, request);
		}
		catch (PermissionContextException ex) {
			if (this.hideExistence && ex.getReason() == PermissionContextException.Reason.NOT_FOUND) {
				// answer exactly as a denial would, so existence does not leak
				Resource resource = (ex.getResourceType() != null) ? Resource.ofType(ex.getResourceType()) : null;
				PermissionDeniedException denied = new PermissionDeniedException(rule.method() + ": " + ex.getMessage(),
						rule.permissions(), resource);
				denied.initCause(ex);
				throw denied;
			}
			throw ex;
		}
	}

	private Set<String> checkRequired(PermissionRule rule, Subject subject, @Nullable Resource resource,
			PermissionContext context) {
		List<String> permissions = rule.permissions();
		if (rule.logical() == Logical.ANY) {
			for (String permission : permissions) {
				if (this.decisions.decide(new PermissionRequest(subject, permission, resource, context)).allowed()) {
					return Set.of(permission);
				}
			}
			throw denied(rule, subject, permissions, resource);
		}
		if (permissions.size() == 1) {
			String permission = permissions.get(0);
			Decision decision = this.decisions.decide(new PermissionRequest(subject, permission, resource, context));
			if (!decision.allowed()) {
				throw denied(rule, subject, permissions, resource);
			}
			return Set.of(permission);
		}
		List<String> missing = null;
		for (String permission : permissions) {
			if (!this.decisions.decide(new PermissionRequest(subject, permission, resource, context)).allowed()) {
				missing = (missing != null) ? missing : new ArrayList<>();
				missing.add(permission);
			}
		}
		if (missing != null) {
			// with hide-existence a denial must look like a missing object's, which lists
			// them all
			throw denied(rule, subject, this.hideExistence ? permissions : missing, resource);
		}
		return Set.copyOf(permissions);
	}

	private static PermissionDeniedException denied(PermissionRule rule, Subject subject, List<String> missing,
			@Nullable Resource resource) {
		return new PermissionDeniedException(
				rule.method() + ": " + subject.id() + " lacks " + missing + " on " + resource, missing, resource);
	}

}
