package io.github.permissionmanager;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires the current user to have connected external services (an OAuth2 client of
 * Spring Security, or an API key) before the annotated method runs. On a type, applies to
 * every method that is not private or static; a method's own annotation replaces its
 * type's.
 * <p>
 * Each {@link #required()} connection must exist for the current user with at least the
 * scopes it names; an expired access token is refreshed first. Otherwise the method does
 * not run: a 403 problem names the missing connections and where to sign in to each, 401
 * when nobody is authenticated, 503 when the provider cannot be reached.
 * {@link #optional()} connections never block; the method asks {@link Connections} which
 * are available.
 *
 * <pre class="code">
 * &#64;PostMapping("/sessions/{id}/calendar")
 * &#64;RequiresConnections(required = &#64;Connection(value = "calendar", scopes = "https://www.googleapis.com/auth/calendar.events"),
 * 		optional = &#64;Connection("slack"))
 * CalendarEntry publish(&#64;PathVariable long id) { ... }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface RequiresConnections {

	/**
	 * Connections the method cannot run without.
	 * @return the required connections
	 */
	Connection[] required() default {};

	/**
	 * Connections the method uses when they are there; they never block.
	 * @return the optional connections
	 */
	Connection[] optional() default {};

}
