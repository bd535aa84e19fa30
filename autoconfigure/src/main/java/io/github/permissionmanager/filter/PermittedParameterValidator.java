package io.github.permissionmanager.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Permitted;
import jakarta.persistence.metamodel.ManagedType;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.util.Assert;
import org.springframework.web.method.HandlerMethod;

/**
 * Refuses to start an application with a {@link Permitted} parameter that could not
 * filter: not a {@code Specification} of an entity, no permission, resources and paths
 * that do not pair up, a path (or tenant path) the entity does not have, no
 * {@code PermissionFilters}, or any {@code @Permitted} at all in a WebFlux application
 * (which has no resolver for it). A misplaced annotation never turns into an unfiltered
 * list or a 500.
 */
public final class PermittedParameterValidator implements SmartInitializingSingleton {

	private final Supplier<Collection<HandlerMethod>> handlerMethods;

	private final Function<Class<?>, @Nullable ManagedType<?>> entities;

	private final BooleanSupplier filtersPresent;

	private final boolean reactive;

	/**
	 * Create a validator for a Spring MVC application.
	 * @param handlerMethods the handler methods to check
	 * @param entities the JPA managed type of a class, or {@code null} when no entity
	 * manager factory manages it
	 * @param filtersPresent whether the application has {@code PermissionFilters}
	 */
	public PermittedParameterValidator(Supplier<Collection<HandlerMethod>> handlerMethods,
			Function<Class<?>, @Nullable ManagedType<?>> entities, BooleanSupplier filtersPresent) {
		this(handlerMethods, entities, filtersPresent, false);
	}

	private PermittedParameterValidator(Supplier<Collection<HandlerMethod>> handlerMethods,
			Function<Class<?>, @Nullable ManagedType<?>> entities, BooleanSupplier filtersPresent, boolean reactive) {
		Assert.notNull(handlerMethods, "handlerMethods cannot be null");
		Assert.notNull(entities, "entities cannot be null");
		Assert.notNull(filtersPresent, "filtersPresent cannot be null");
		this.handlerMethods = handlerMethods;
		this.entities = entities;
		this.filtersPresent = filtersPresent;
		this.reactive = reactive;
	}

	/**
	 * A validator for a WebFlux application, which refuses every {@link Permitted}
	 * parameter.
	 * @param handlerMethods the handler methods to check
	 * @return the validator
	 */
	public static PermittedParameterValidator reactive(Supplier<Collection<HandlerMethod>> handlerMethods) {
		return new PermittedParameterValidator(handlerMethods, (type) -> null, () -> true, true);
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems = new ArrayList<>();
		for (HandlerMethod method : this.handlerMethods.get()) {
			for (MethodParameter parameter : method.getMethodParameters()) {
				if (!parameter.hasParameterAnnotation(Permitted.class)) {
					continue;
				}
				if (this.reactive) {
					problems.add(name(parameter) + ": @Permitted is not supported in a WebFlux application; call "
							+ "PermissionFilters from the (blocking) code that queries JPA");
					continue;
				}
				problems.addAll(problems(parameter, this.entities));
				if (!this.filtersPresent.getAsBoolean()) {
					problems.add(name(parameter)
							+ ": @Permitted needs PermissionFilters, which need Spring Data JPA and the grant store (an"
							+ " application deciding through permission-manager.pdp.url has none: list with"
							+ " PermissionManager.objectIds, which asks the decision point)");
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidPermissionRulesException(problems.stream().distinct().toList());
		}
	}

	/**
	 * What keeps a {@link Permitted} parameter from filtering.
	 * @param parameter the parameter
	 * @param entities the managed type of a class, or {@code null} to leave the paths
	 * unchecked
	 * @return the problems, none when it can filter
	 */
	static List<String> problems(MethodParameter parameter,
			@Nullable Function<Class<?>, @Nullable ManagedType<?>> entities) {
		Permitted permitted = parameter.getParameterAnnotation(Permitted.class);
		String name = name(parameter);
		List<String> problems = new ArrayList<>();
		if (permitted == null) {
			return List.of(name + " has no @Permitted");
		}
		if (parameter.getParameterType() != Specification.class) {
			problems.add(name + ": @Permitted goes on a Specification<Entity> parameter, not on "
					+ parameter.getParameterType().getName());
		}
		if (permitted.value().isBlank()) {
			problems.add(name + ": @Permitted needs a permission");
		}
		if (permitted.resource().length == 0 || permitted.resource().length != permitted.path().length) {
			problems.add(name + ": @Permitted needs as many paths as resources, at least one ("
					+ permitted.resource().length + " resources, " + permitted.path().length + " paths)");
		}
		for (String text : concat(permitted.resource(), permitted.path())) {
			if (text.isBlank()) {
				problems.add(name + ": @Permitted has an empty resource or path");
			}
		}
		if (entities != null && problems.isEmpty()) {
			Class<?> entity = ResolvableType.forMethodParameter(parameter).as(Specification.class).resolveGeneric(0);
			ManagedType<?> type = (entity != null) ? entities.apply(entity) : null;
			if (type == null) {
				problems.add(name + ": @Permitted needs a Specification of a JPA entity, not "
						+ ResolvableType.forMethodParameter(parameter));
				return problems;
			}
			for (int i = 0; i < permitted.resource().length; i++) {
				check(type, permitted.path()[i], permitted.resource()[i], name, problems);
			}
			if (!permitted.tenantOf().isEmpty()) {
				check(type, permitted.tenantOf(), "the tenant", name, problems);
			}
		}
		return problems;
	}

	private static void check(ManagedType<?> type, String path, String resource, String name, List<String> problems) {
		try {
			AttributePath.resolve(type, path, resource);
		}
		catch (PermissionEvaluationException ex) {
			problems.add(name + ": " + ex.getMessage());
		}
	}

	private static String name(MethodParameter parameter) {
		return parameter.getDeclaringClass().getName() + "." + parameter.getExecutable().getName() + " parameter "
				+ parameter.getParameterIndex();
	}

	private static List<String> concat(String[] first, String[] second) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(second));
		return all;
	}

}
