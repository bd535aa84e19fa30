package io.github.permissionmanager.resolve;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Map;

import jakarta.persistence.Persistence;

import org.springframework.util.ClassUtils;

/**
 * Whether JPA state reached from a bound object is loaded. A bound object can be a
 * managed entity (supplied by a {@code @ModelAttribute} method, then bound); what of it
 * is not loaded came from the database, not the request, and reading it would load it (or
 * fail outside a transaction), so it is not walked.
 */
final class JpaLoadState {

	private static final boolean PRESENT = ClassUtils.isPresent("jakarta.persistence.Persistence",
			JpaLoadState.class.getClassLoader());

	private static final ClassValue<Boolean> MANAGED = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
				// a JPA provider's lazy collection or map
				return !type.getName().startsWith("java.");
			}
			for (Class<?> current = type; current != null; current = current.getSuperclass()) {
				for (Annotation annotation : current.getDeclaredAnnotations()) {
					if (annotation.annotationType().getName().equals("jakarta.persistence.Entity")) {
						return true;
					}
				}
			}
			return false;
		}

	};

	private JpaLoadState() {
	}

	/**
	 * Whether an object may be walked: it is not JPA state, or it is loaded.
	 * @param value the object
	 * @return whether it is loaded
	 */
	static boolean isLoaded(Object value) {
		return !PRESENT || !MANAGED.get(value.getClass()) || Provider.isLoaded(value);
	}

	// loaded only when the JPA API is present
	private static final class Provider {

		static boolean isLoaded(Object value) {
			return Persistence.getPersistenceUtil().isLoaded(value);
		}

	}

}
