package io.github.permissionmanager;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifier for the {@code DataSource} the grant store uses, when it is not the
 * application's only one (as {@code @FlywayDataSource} is for Flyway). Put it on the
 * {@code @Bean} method of that DataSource; no {@code @Primary} is needed, and the
 * application's other DataSources are left alone.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface PermissionManagerDataSource {

}
