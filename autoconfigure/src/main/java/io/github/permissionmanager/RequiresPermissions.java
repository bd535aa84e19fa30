package io.github.permissionmanager;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires the current user to hold permissions, optionally on the resource the call
 * touches, before the annotated method runs. On a type, applies to every method that is
 * not private or static (package-private handler methods included); a method's own
 * annotation replaces its type's.
 * <p>
 * Either {@link #value()} or {@link #rule()} must be set. Attributes set here (to
 * anything but their default) override the named rule's. When the answer is anything but
 * a clean allow (a denial, an error, a value that cannot be resolved) the method does not
 * run.
 *
 * <pre class="code">
 * &#64;PatchMapping("/sessions/{id}")
 * &#64;RequiresPermissions(value = "session:update", rule = "session-event")
 * Session update(&#64;PathVariable long id, &#64;RequestBody SessionPatch patch) { ... }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface RequiresPermissions {

	/**
	 * Permissions required, e.g. {@code "session:update"}.
	 * @return the permissions; empty to take them from the rule
	 */
	String[] value() default {};

	/**
	 * Whether all of {@link #value()} are required or any one of them.
	 * @return how the permissions combine
	 */
	Logical logical() default Logical.ALL;

	/**
	 * Name of a rule under {@code permission-manager.rules}.
	 * @return the rule name, or empty for none
	 */
	String rule() default "";

	/**
	 * Context keys to resolve; alternatives, the first one present wins.
	 * @return the keys, or empty for an unscoped check
	 */
	String[] fetch() default {};

	/**
	 * Name the resolved value is known by in the context.
	 * @return the name, or empty for the key that was found
	 */
	String fetchAs() default "";

	/**
	 * JPA entities to load the value from when {@link #fetch()} is not in the request or
	 * the arguments.
	 * @return the entity classes
	 */
	Class<?>[] model() default {};

	/**
	 * Path variable, request parameter or argument holding the lookup value for each
	 * {@link #model()} (index-aligned; one value applies to all).
	 * @return the keys, or empty for {@code id}
	 */
	String[] fetchKeyUrl() default {};

	/**
	 * Entity attribute matched against the lookup value.
	 * @return the attribute, or empty for the entity's {@code @Id}
	 */
	String fetchKeyModel() default "";

	/**
	 * Resource type the resolved value identifies.
	 * @return the type, or empty for {@link #fetchAs()} without its
	 * {@code _id}/{@code Id} suffix
	 */
	String resource() default "";

	/**
	 * HTTP methods the check applies to on a request handler; calls with other methods
	 * pass unchecked. A filter that excludes every method the handler is mapped to is a
	 * startup error; on a method that is not a request handler the check always applies.
	 * @return the methods, or empty for all
	 */
	String[] methods() default {};

	/**
	 * SpEL over the context; {@code true} skips the check, and then no authentication is
	 * needed ({@code #subject} is {@code null} for an anonymous caller). Sees
	 * {@code #context}, {@code #subject}, each resolved value, the method's arguments by
	 * name, and the mapping's URI variables and required parameters.
	 * @return the expression, or empty for none
	 */
	String leaveIf() default "";

	/**
	 * SpEL over the context, with the same variables as {@link #leaveIf()}; {@code false}
	 * denies.
	 * @return the expression, or empty for none
	 */
	String check() default "";

	/**
	 * Permissions evaluated but never blocking; the method asks
	 * {@link PermissionContext#isGranted(String)} which were granted.
	 * @return the optional permissions
	 */
	String[] optional() default {};

}
