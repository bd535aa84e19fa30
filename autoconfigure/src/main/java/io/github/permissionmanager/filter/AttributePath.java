package io.github.permissionmanager.filter;

import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.PermissionEvaluationException;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.IdentifiableType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import jakarta.persistence.criteria.Path;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * A dot-separated attribute path of an entity, checked against the JPA metamodel once:
 * every step a single-valued attribute, the last one a basic attribute (or an
 * association, which stands for its id). A path that does not fit is refused with a
 * message naming it, so a typo never turns into an unfiltered query.
 *
 * @param names the attribute names to follow from the root
 * @param javaType the (boxed) Java type of the value at the end
 */
record AttributePath(List<String> names, Class<?> javaType) {

	static AttributePath resolve(ManagedType<?> entity, String path, String resourceType) {
		List<String> names = new ArrayList<>();
		ManagedType<?> current = entity;
		String[] segments = path.split("\\.", -1);
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			Attribute<?, ?> attribute = attribute(current, segment, path, resourceType);
			if (attribute.isCollection() || !(attribute instanceof SingularAttribute<?, ?> singular)) {
				throw invalid(path, resourceType, current, "'" + segment + "' is a collection");
			}
			names.add(segment);
			Type<?> type = singular.getType();
			boolean last = (i == segments.length - 1);
			if (!last) {
				if (!(type instanceof ManagedType<?> next)) {
					throw invalid(path, resourceType, current,
							"'" + segment + "' is neither an association nor embedded");
				}
				current = next;
			}
			else if (type.getPersistenceType() == Type.PersistenceType.BASIC) {
				return new AttributePath(List.copyOf(names),
						ClassUtils.resolvePrimitiveIfNecessary(singular.getJavaType()));
			}
			else if (type instanceof IdentifiableType<?> identifiable) {
				SingularAttribute<?, ?> id = idOf(identifiable);
				if (id == null || id.getType().getPersistenceType() != Type.PersistenceType.BASIC) {
					throw invalid(path, resourceType, current, "'" + segment + "' has no single basic id");
				}
				names.add(id.getName());
				return new AttributePath(List.copyOf(names), ClassUtils.resolvePrimitiveIfNecessary(id.getJavaType()));
			}
			else {
				throw invalid(path, resourceType, current, "'" + segment + "' is embedded, not an id");
			}
		}
		throw invalid(path, resourceType, entity, "the path is empty");
	}

	private static Attribute<?, ?> attribute(ManagedType<?> type, String name, String path, String resourceType) {
		if (name.isBlank()) {
			throw invalid(path, resourceType, type, "it has an empty step");
		}
		try {
			return type.getAttribute(name);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(path, resourceType, type, "there is no attribute '" + name + "'");
		}
	}

	private static @Nullable SingularAttribute<?, ?> idOf(IdentifiableType<?> type) {
		if (!type.hasSingleIdAttribute()) {
			return null;
		}
		for (SingularAttribute<?, ?> attribute : type.getSingularAttributes()) {
			if (attribute.isId()) {
				return attribute;
			}
		}
		return null;
	}

	static PermissionEvaluationException invalid(String path, String resourceType, ManagedType<?> type,
			String problem) {
		return new PermissionEvaluationException("A permission filter on " + resourceType
				+ " cannot use attribute path '" + path + "' of " + type.getJavaType().getName() + ": " + problem);
	}

	/**
	 * The path from a query's root (joins are implicit, inner: a row whose association is
	 * {@code null} has no resource and is not admitted).
	 * @param root the root
	 * @return the path
	 */
	Path<?> of(Path<?> root) {
		Path<?> path = root;
		for (String name : this.names) {
			path = path.get(name);
		}
		return path;
	}

}
