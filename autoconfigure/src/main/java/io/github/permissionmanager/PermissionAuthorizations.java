package io.github.permissionmanager;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Permission Manager checks for Spring Security's own authorization, as the bean
 * {@code permissions}: request rules for {@code authorizeHttpRequests}, and checks of the
 * current user for {@code @PreAuthorize("@permissions.check(...)")}.
 *
 * <pre class="code">
 * http.authorizeHttpRequests((requests) -&gt; requests
 *     .requestMatchers("/events/{event_id}/**").access(permissions.on("event", "event_id").require("event:read"))
 *     .requestMatchers("/reports/**").access(permissions.require("report:read")));
 * </pre>
 *
 * A rule denies when nobody is authenticated, when the path variable is not among those
 * the request matcher extracted, and when the decision cannot be made.
 */
public interface PermissionAuthorizations {

	/**
	 * Rules on the resource a path variable of the request matcher names.
	 * @param resourceType the resource type
	 * @param pathVariable the variable of the matcher's pattern holding the id, e.g.
	 * {@code event_id} in {@code /events/{event_id}/**}
	 * @return the rules on that resource
	 */
	ResourceRules on(String resourceType, String pathVariable);

	/**
	 * A rule requiring every one of the permissions, unscoped (only grants with no
	 * resource type match).
	 * @param permissions the permissions
	 * @return the authorization manager
	 */
	AuthorizationManager<RequestAuthorizationContext> require(String... permissions);

	/**
	 * A rule requiring any one of the permissions, unscoped.
	 * @param permissions the permissions
	 * @return the authorization manager
	 */
	AuthorizationManager<RequestAuthorizationContext> requireAny(String... permissions);

	/**
	 * Whether the current user holds a permission, unscoped.
	 * @param permission the permission
	 * @return whether it is allowed; {@code false} when nobody is authenticated
	 */
	boolean check(String permission);

	/**
	 * Whether the current user holds a permission on one object.
	 * @param permission the permission
	 * @param resourceType the resource type
	 * @param resourceId the object id; {@code null} denies
	 * @return whether it is allowed; {@code false} when nobody is authenticated
	 */
	boolean check(String permission, String resourceType, @Nullable Object resourceId);

	/**
	 * Request rules on the resource one path variable names.
	 */
	interface ResourceRules {

		/**
		 * A rule requiring every one of the permissions on the resource.
		 * @param permissions the permissions
		 * @return the authorization manager
		 */
		AuthorizationManager<RequestAuthorizationContext> require(String... permissions);

		/**
		 * A rule requiring any one of the permissions on the resource.
		 * @param permissions the permissions
		 * @return the authorization manager
		 */
		AuthorizationManager<RequestAuthorizationContext> requireAny(String... permissions);

	}

}
