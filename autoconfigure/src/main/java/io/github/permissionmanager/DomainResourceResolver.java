package io.github.permissionmanager;

import org.jspecify.annotations.Nullable;

/**
 * Names the {@link Resource} a domain object stands for, so that
 * {@code hasPermission(#event, 'event:update')} in a Spring Security expression can be
 * checked like {@code hasPermission(#id, 'event', 'event:update')}. The default one reads
 * the JPA entity name and {@code @Id}, else the class name and a {@code getId()} method;
 * declare a bean of this type to replace it.
 */
@FunctionalInterface
public interface DomainResourceResolver {

	/**
	 * The resource a domain object stands for.
	 * @param domainObject the object handed to {@code hasPermission}
	 * @return the resource, or {@code null} when the object names none (the check denies)
	 */
	@Nullable Resource resolve(Object domainObject);

}
