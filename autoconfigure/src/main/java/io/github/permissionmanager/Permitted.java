package io.github.permissionmanager;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Spring MVC handler parameter of type {@code Specification<T>}: the rows of
 * {@code T} the current user may see, as a {@link PermissionFilters} filter the handler
 * passes to its repository ({@code findAll(readable, pageable)}), so the database
 * filters, pages, sorts and counts. A row is admitted when a check of the permission on
 * the resource one of its attributes names would allow it; with several resources and
 * paths (index-aligned), when any of them would. <pre class="code">
 * &#064;GetMapping("/sessions")
 * Page&lt;Session&gt; list(&#064;Permitted(value = "session:read", resource = { "event", "session" },
 *         path = { "event", "id" }) Specification&lt;Session&gt; readable, Pageable pageable) {
 *     return sessions.findAll(readable, pageable);
 * }
 * </pre> The user is read before the handler runs, as for a guarded method: none (or an
 * anonymous one) is a 401. The tenant is the request's, from the {@link TenantResolver}
 * that annotated checks use, unless {@link #tenantOf()} names each row's. Every
 * {@code @Permitted} parameter is checked at startup: its type, the resources and paths,
 * and each path against the entity.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Permitted {

	/**
	 * The permission each row needs.
	 * @return the permission
	 */
	String value();

	/**
	 * The resource types the rows' attributes name, one per {@link #path()}.
	 * @return the resource types
	 */
	String[] resource();

	/**
	 * The attribute paths holding the resource ids ({@code event}, {@code event.id},
	 * {@code id}), one per {@link #resource()}.
	 * @return the attribute paths
	 */
	String[] path();

	/**
	 * The attribute path holding each row's tenant, for rows of several tenants; empty
	 * for the request's tenant.
	 * @return the tenant attribute path, or empty
	 */
	String tenantOf() default "";

}
