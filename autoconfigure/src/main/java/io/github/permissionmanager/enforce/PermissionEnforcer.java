package io.github.permissionmanager.enforce;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.TenantResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.PermissionCombiner;
import io.github.permissionmanager.resolve.AmbiguousLookupException;
import io.github.permissionmanager.resolve.ContextResolver;
import io.github.permissionmanager.resolve.RequestValues;
import io.github.permissionmanager.resolve.ResolvedContext;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;

/**
 * Applies one {@link PermissionRule} to one call, sequencing the steps: the
 * {@code methods} filter (for a request handler, inside an HTTP request only), the caller
 * (none, anonymous or nameless: 401 — unless {@code leaveIf} holds, which needs no
 * authentication), context resolution, {@code leaveIf}, the tenant, {@code check}, the
 * required permissions, then the {@code optional} ones. It answers with the context to
 * hand to the method, or throws: nothing but a clean allow lets the method run, and any
 * failure of a collaborator (a resolver, a condition, the subject or tenant resolver) is
 * a {@link PermissionEvaluationException}, never another exception.
 */
public final class PermissionEnforcer {

	private final PermissionCombiner permissions;

	private final ContextResolver contextResolver;

	private final SubjectResolver subjectResolver;

	private final @Nullable TenantResolver tenantResolver;

	private final CurrentCaller caller;

	private final DenialPolicy denials;

	private final @Nullable StoreGroups storeGroups;

	/**
	 * Create an enforcer.
	 * @param permissions decides and combines the permissions
	 * @param contextResolver resolves what a call touches
	 * @param subjectResolver builds the subject from the authentication
	 * @param tenantResolver finds the tenant, or {@code null} for none
	 * @param caller reads the current caller
	 * @param hideExistence whether every refusal of a rule looks the same (no 404s)
	 * @param storeGroups the grant store's memberships of a subject, for conditions that
	 * read {@code #subject}, or {@code null} when there is no store
	 */
	public PermissionEnforcer(PermissionCombiner permissions, ContextResolver contextResolver,
			SubjectResolver subjectResolver, @Nullable TenantResolver tenantResolver, CurrentCaller caller,
			boolean hideExistence, @Nullable StoreGroups storeGroups) {
		Assert.notNull(permissions, "permissions cannot be null");
		Assert.notNull(contextResolver, "contextResolver cannot be null");
		Assert.notNull(subjectResolver, "subjectResolver cannot be null");
		Assert.notNull(caller, "caller cannot be null");
		this.permissions = permissions;
		this.contextResolver = contextResolver;
		this.subjectResolver = subjectResolver;
		this.tenantResolver = tenantResolver;
		this.caller = caller;
		this.denials = new DenialPolicy(hideExistence);
		this.storeGroups = storeGroups;
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
		try {
			return sequence(rule, arguments);
		}
		catch (PermissionDeniedException | AuthenticationRequiredException | PermissionContextException
				| PermissionEvaluationException ex) {
			throw ex;
		}
		// anything else a collaborator throws (checked ones included, from Kotlin or
		// Groovy) is no answer
		catch (Exception | Error ex) {
			throw new PermissionEvaluationException(rule.method() + ": the check could not be completed", ex);
		}
	}

	private PermissionContext sequence(PermissionRule rule, @Nullable Object[] arguments) {
		RequestValues request = RequestValues.current();
		if (!rule.appliesTo((request != null) ? request.httpMethod() : null)) {
			return PermissionContext.empty();
		}
		Authentication authentication = this.caller.authentication();
		if (authentication == null && rule.leaveIf() == null) {
			throw unauthenticated(rule);
		}
		Subject subject = (authentication != null) ? this.subjectResolver.resolve(authentication) : null;
		ResolvedContext resolved = resolve(rule, arguments, request, subject);
		PermissionContext context = resolved.context();
		Resource resource = resolved.resource();
		Map<String, @Nullable Object> variables = rule.variables().values(context, arguments, request);
		Subject conditionSubject = conditionSubject(rule, subject);
		if (rule.leaveIf() != null && leaves(rule, context, conditionSubject, variables)) {
			// no check applies, so none of this needs an authenticated caller
			if (subject == null) {
				return context;
			}
			Resource inTenant = rule.optional().isEmpty() ? resource : withTenant(rule, subject, context, resource);
			return granted(rule, context, subject, inTenant, null);
		}
		if (subject == null) {
			throw unauthenticated(rule);
		}
		resource = withTenant(rule, subject, context, resource);
		if (rule.check() != null
				&& !RuleConditions.evaluate("check", rule.check(), context, conditionSubject, variables)) {
			throw this.denials.denied(rule, "check '" + rule.check().getExpressionString() + "' denied " + subject.id(),
					List.of(), resource);
		}
		PermissionCombiner.Outcome outcome = this.permissions.required(subject, rule.permissions(), rule.logical(),
				resource, context);
		if (!outcome.allowed()) {
			throw this.denials.denied(rule, subject.id() + " lacks " + outcome.missing() + " on " + resource,
					outcome.missing(), resource);
		}
		return granted(rule, context, subject, resource, outcome.granted());
	}

	private ResolvedContext resolve(PermissionRule rule, @Nullable Object[] arguments, @Nullable RequestValues request,
			@Nullable Subject subject) {
		try {
			return this.contextResolver.resolve(rule.plan(), arguments, request);
		}
		catch (PermissionContextException | AmbiguousLookupException ex) {
			if (subject == null) {
				// somebody not signed in learns nothing about the objects behind a
				// leaveIf rule
				DenialPolicy.logIfDataError(rule, ex, "a 401");
				throw unauthenticated(rule);
			}
			if (DenialPolicy.revealsStoredData(ex)) {
				throw this.denials.storedData(rule, ex);
			}
			throw ex;
		}
	}

	private boolean leaves(PermissionRule rule, PermissionContext context, @Nullable Subject subject,
			Map<String, @Nullable Object> variables) {
		Expression leaveIf = rule.leaveIf();
		if (leaveIf == null) {
			return false;
		}
		try {
			return RuleConditions.evaluate("leaveIf", leaveIf, context, subject, variables);
		}
		catch (PermissionEvaluationException ex) {
			if (subject == null) {
				// it cannot be said to hold, and without it a check applies: sign in
				// first
				throw unauthenticated(rule);
			}
			throw ex;
		}
	}

	private @Nullable Subject conditionSubject(PermissionRule rule, @Nullable Subject subject) {
		if (subject == null || this.storeGroups == null || !rule.variables().readsSubject()) {
			return subject;
		}
		// #subject.groups() in a condition: the store's memberships too, as decisions use
		// them
		Set<String> groups = this.storeGroups.groupsOf(subject);
		return groups.isEmpty() ? subject : subject.withGroups(groups.toArray(String[]::new));
	}

	private @Nullable Resource withTenant(PermissionRule rule, Subject subject, PermissionContext context,
			@Nullable Resource resource) {
		if (resource == null || this.tenantResolver == null) {
			return resource;
		}
		String tenant;
		try {
			tenant = this.tenantResolver.resolveTenant(subject, context);
		}
		catch (PermissionDeniedException ex) {
			throw this.denials.denied(rule, String.valueOf(ex.getMessage()), List.of(), resource);
		}
		return (tenant != null) ? resource.withTenant(tenant) : resource;
	}

	private PermissionContext granted(PermissionRule rule, PermissionContext context, Subject subject,
			@Nullable Resource resource, @Nullable Set<String> required) {
		if (rule.optional().isEmpty() && rule.contextArgumentIndex() < 0) {
			return context;
		}
		Set<String> granted = (required != null) ? new LinkedHashSet<>(required) : new LinkedHashSet<>();
		granted.addAll(this.permissions.optional(subject, rule.optional(), resource, context));
		return (rule.contextArgumentIndex() >= 0) ? context.withGranted(granted) : context;
	}

	private static AuthenticationRequiredException unauthenticated(PermissionRule rule) {
		return new AuthenticationRequiredException(rule.method() + " needs an authenticated user");
	}

	/**
	 * The groups a grant store makes a subject a member of.
	 */
	@FunctionalInterface
	public interface StoreGroups {

		/**
		 * The store's groups of a subject.
		 * @param subject the subject
		 * @return its groups in the store
		 */
		Set<String> groupsOf(Subject subject);

	}

}
