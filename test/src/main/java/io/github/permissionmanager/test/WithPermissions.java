package io.github.permissionmanager.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Grants permissions for the duration of one test, in the style of Spring Security's
 * {@code @WithMockUser}: before the test runs they are granted, through the application's
 * {@link io.github.permissionmanager.PermissionGrants}, to the test's user (the one
 * {@code @WithMockUser} or {@code @WithUserDetails} signs in, unless {@link #user()} or
 * {@link #group()} names another grantee), and after it every grant the annotation added
 * is revoked again, whether the test passed or not. A grant the grantee already held
 * before the test is left as it was.
 * <p>
 * On a test class, the grants apply to each of its tests; a method's annotations add to
 * its class's. Repeat the annotation for grants on several resources:
 *
 * <pre class="code">
 * &#64;Test
 * &#64;WithMockUser("bob")
 * &#64;WithPermissions(value = "session:update", type = "event", id = "7")
 * &#64;WithPermissions(value = "event:read", type = "event")
 * void bobEditsASessionOfEventSeven() { ... }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@Repeatable(WithPermissions.List.class)
public @interface WithPermissions {

	/**
	 * The permissions or roles to grant.
	 * @return the permissions
	 */
	String[] value();

	/**
	 * The resource type the grants are on; none grants on every resource.
	 * @return the resource type, or empty
	 */
	String type() default "";

	/**
	 * The objects of {@link #type()} the grants are on, one grant each; none grants on
	 * every object of the type.
	 * @return the object ids
	 */
	String[] id() default {};

	/**
	 * The tenant the grants are in; none grants in every tenant.
	 * @return the tenant, or empty
	 */
	String tenant() default "";

	/**
	 * The user to grant to; the test's signed-in user when empty.
	 * @return the user, or empty
	 */
	String user() default "";

	/**
	 * The group to grant to instead of a user.
	 * @return the group, or empty
	 */
	String group() default "";

	/**
	 * Several {@link WithPermissions} on one test.
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Inherited
	@Documented
	@interface List {

		/**
		 * The grants.
		 * @return the annotations
		 */
		WithPermissions[] value();

	}

}
