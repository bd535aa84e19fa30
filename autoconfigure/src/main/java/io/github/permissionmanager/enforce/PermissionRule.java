package io.github.permissionmanager.enforce;

import java.util.List;
import java.util.Set;

import io.github.permissionmanager.Logical;
import io.github.permissionmanager.resolve.ResolutionPlan;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;

/**
 * One method's rule, parsed once at startup from its {@code @RequiresPermissions} and the
 * named rule it references: immutable, and holding everything a call needs so the call
 * path does no annotation reading, no SpEL parsing and no string work.
 */
public final class PermissionRule {

	private final String method;

	private final List<String> permissions;

	private final Logical logical;

	private final List<String> optional;

	private final Set<String> httpMethods;

	private final @Nullable Expression leaveIf;

	private final @Nullable Expression check;

	private final @Nullable ResolutionPlan plan;

	private final ConditionVariables variables;

	private final int contextArgumentIndex;

	PermissionRule(String method, List<String> permissions, Logical logical, List<String> optional,
			Set<String> httpMethods, @Nullable Expression leaveIf, @Nullable Expression check,
			@Nullable ResolutionPlan plan, ConditionVariables variables, int contextArgumentIndex) {
		this.method = method;
		this.permissions = List.copyOf(permissions);
		this.logical = logical;
		this.optional = List.copyOf(optional);
		this.httpMethods = Set.copyOf(httpMethods);
		this.leaveIf = leaveIf;
		this.check = check;
		this.plan = plan;
		this.variables = variables;
		this.contextArgumentIndex = contextArgumentIndex;
	}

	/**
	 * The guarded method, for messages.
	 * @return {@code Class#method}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The required permissions.
	 * @return the permissions, never empty
	 */
	public List<String> permissions() {
		return this.permissions;
	}

	/**
	 * How the required permissions combine.
	 * @return all or any
	 */
	public Logical logical() {
		return this.logical;
	}

	/**
	 * The permissions evaluated but never blocking.
	 * @return the permissions
	 */
	public List<String> optional() {
		return this.optional;
	}

	/**
	 * Whether the check applies to an HTTP method. Outside an HTTP request, and on a
	 * method that is not a request handler, it always applies.
	 * @param httpMethod the request's method, or {@code null} outside a request
	 * @return whether the check applies
	 */
	public boolean appliesTo(@Nullable String httpMethod) {
		// an unrecognised method (say, a bare mock request's "") is checked: fail closed
		return httpMethod == null || this.httpMethods.isEmpty() || this.httpMethods.contains(httpMethod)
				|| !RuleParser.HTTP_METHODS.contains(httpMethod);
	}

	/**
	 * The HTTP methods the check applies to on a request handler.
	 * @return the methods, empty for all
	 */
	public Set<String> httpMethods() {
		return this.httpMethods;
	}

	/**
	 * The {@code leaveIf} condition.
	 * @return the expression, or {@code null}
	 */
	public @Nullable Expression leaveIf() {
		return this.leaveIf;
	}

	/**
	 * The {@code check} condition.
	 * @return the expression, or {@code null}
	 */
	public @Nullable Expression check() {
		return this.check;
	}

	/**
	 * How the context is resolved.
	 * @return the plan, or {@code null} for an unscoped check
	 */
	public @Nullable ResolutionPlan plan() {
		return this.plan;
	}

	/**
	 * The variables the conditions read besides the context and the subject.
	 * @return the planned variables
	 */
	ConditionVariables variables() {
		return this.variables;
	}

	/**
	 * Where the method takes a {@link io.github.permissionmanager.PermissionContext}.
	 * @return the argument index, or {@code -1}
	 */
	public int contextArgumentIndex() {
		return this.contextArgumentIndex;
	}

	@Override
	public String toString() {
		return "PermissionRule[" + this.method + " " + this.logical + this.permissions + "]";
	}

}
