package io.github.permissionmanager;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One connection a {@link RequiresConnections} method needs: the name of an entry of
 * {@code permission-manager.connections.catalog} or of a Spring Security client
 * registration ({@code spring.security.oauth2.client.registration.<name>}), and the
 * scopes the call needs on top of the catalog entry's own.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Connection {

	/**
	 * Name of the connection.
	 * @return the name
	 */
	String value();

	/**
	 * Scopes the user must have granted, in addition to the catalog entry's
	 * {@code scopes}; ignored for API-key connections.
	 * @return the scopes
	 */
	String[] scopes() default {};

}
