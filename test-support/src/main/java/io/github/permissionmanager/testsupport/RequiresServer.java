package io.github.permissionmanager.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class or method only where the servers it needs answer. Where one does not,
 * it is skipped with the reason printed, except with {@code CI=true}, where it fails
 * naming the server: CI has the servers, so a silent skip would hide a broken suite.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ServerCondition.class)
public @interface RequiresServer {

	/**
	 * The servers the test needs.
	 * @return the servers
	 */
	Server[] value();

}
