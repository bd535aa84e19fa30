package io.github.permissionmanager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What was resolved for one guarded call: the values fetched (under their {@code fetchAs}
 * names), the HTTP method, path variables and request parameters, and which permissions
 * were granted.
 * <p>
 * A controller or service method that declares a parameter of this type receives the
 * current context, so it can ask {@link #isGranted(String)} about the annotation's
 * {@code optional} permissions. SpEL in {@code leaveIf}/{@code check} sees it as
 * {@code #context}, and each value as a variable of its own.
 */
public final class PermissionContext {

	private static final PermissionContext EMPTY = new PermissionContext(Map.of(), null, Map.of(), Map.of(), Set.of());

	private final Map<String, Object> values;

	private final @Nullable String httpMethod;

	private final Map<String, String> pathVariables;

	private final Map<String, List<String>> requestParameters;

	private final Set<String> granted;

	private PermissionContext(Map<String, Object> values, @Nullable String httpMethod,
			Map<String, String> pathVariables, Map<String, List<String>> requestParameters, Set<String> granted) {
		this.values = values;
		this.httpMethod = httpMethod;
		this.pathVariables = pathVariables;
		this.requestParameters = requestParameters;
		this.granted = granted;
	}

	/**
	 * A context with nothing resolved, for programmatic checks.
	 * @return the empty context
	 */
	public static PermissionContext empty() {
		return EMPTY;
	}

	/**
	 * A builder for a context.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A resolved value.
	 * @param name the {@code fetchAs} name (or the key that was found)
	 * @return the value, or {@code null} when nothing was resolved under that name
	 */
	public @Nullable Object get(String name) {
		return this.values.get(name);
	}

	/**
	 * Every resolved value by name.
	 * @return the values, unmodifiable
	 */
	public Map<String, Object> values() {
		return this.values;
	}

	/**
	 * The HTTP method of the current request.
	 * @return the method, or {@code null} outside a web request
	 */
	public @Nullable String httpMethod() {
		return this.httpMethod;
	}

	/**
	 * The URI template variables of the current request.
	 * @return the variables, unmodifiable
	 */
	public Map<String, String> pathVariables() {
		return this.pathVariables;
	}

	/**
	 * The parameters of the current request.
	 * @return the parameters, unmodifiable
	 */
	public Map<String, List<String>> requestParameters() {
		return this.requestParameters;
	}

	/**
	 * Whether a permission of the guarded call was granted: a required permission that
	 * was checked and allowed, or an {@code optional} one that was granted.
	 * @param permission the permission as written on the annotation or rule
	 * @return whether it was granted
	 */
	public boolean isGranted(String permission) {
		return this.granted.contains(permission);
	}

	/**
	 * The permissions of the guarded call that were granted.
	 * @return the permissions, unmodifiable
	 */
	public Set<String> grantedPermissions() {
		return this.granted;
	}

	/**
	 * This context with the given permissions recorded as granted.
	 * @param permissions the granted permissions
	 * @return a new context
	 */
	public PermissionContext withGranted(Set<String> permissions) {
		return new PermissionContext(this.values, this.httpMethod, this.pathVariables, this.requestParameters,
				Set.copyOf(permissions));
	}

	@Override
	public String toString() {
		return "PermissionContext" + this.values + (this.httpMethod != null ? " " + this.httpMethod : "");
	}

	/**
	 * Builds a {@link PermissionContext}.
	 */
	public static final class Builder {

		// One value is the common case (a guarded call resolves one key): kept without a
		// map, so building the context copies nothing
		private @Nullable String name;

		private @Nullable Object value;

		private @Nullable Map<String, Object> values;

		private @Nullable String httpMethod;

		private Map<String, String> pathVariables = Map.of();

		private Map<String, List<String>> requestParameters = Map.of();

		private Builder() {
		}

		/**
		 * Put a resolved value.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder value(String name, Object value) {
			Assert.hasText(name, "name cannot be empty");
			Assert.notNull(value, "value cannot be null");
			if (this.values == null && (this.name == null || this.name.equals(name))) {
				this.name = name;
				this.value = value;
				return this;
			}
			Map<String, Object> all = this.values;
			if (all == null) {
				all = new LinkedHashMap<>();
				String first = this.name;
				Object firstValue = this.value;
				if (first != null && firstValue != null) {
					all.put(first, firstValue);
				}
				this.values = all;
			}
			all.put(name, value);
			return this;
		}

		/**
		 * Set the HTTP method.
		 * @param httpMethod the method
		 * @return this builder
		 */
		public Builder httpMethod(@Nullable String httpMethod) {
			this.httpMethod = httpMethod;
			return this;
		}

		/**
		 * Set the URI template variables.
		 * @param pathVariables the variables
		 * @return this builder
		 */
		public Builder pathVariables(Map<String, String> pathVariables) {
			this.pathVariables = Map.copyOf(pathVariables);
			return this;
		}

		/**
		 * Set the request parameters.
		 * @param requestParameters the parameters
		 * @return this builder
		 */
		public Builder requestParameters(Map<String, List<String>> requestParameters) {
			if (requestParameters.isEmpty()) {
				// the usual request: nothing to copy
				this.requestParameters = Map.of();
				return this;
			}
			Map<String, List<String>> copy = new LinkedHashMap<>();
			requestParameters.forEach((name, list) -> copy.put(name, List.copyOf(list)));
			this.requestParameters = Map.copyOf(copy);
			return this;
		}

		/**
		 * Build the context.
		 * @return the context
		 */
		public PermissionContext build() {
			Map<String, Object> built;
			if (this.values != null) {
				built = Map.copyOf(this.values);
			}
			else {
				built = (this.name != null && this.value != null) ? Map.of(this.name, this.value) : Map.of();
			}
			return new PermissionContext(built, this.httpMethod, this.pathVariables, this.requestParameters, Set.of());
		}

	}

}
