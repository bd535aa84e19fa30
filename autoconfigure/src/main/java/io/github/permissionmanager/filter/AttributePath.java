package io.github.permissionmanager.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
 * @param mapping how the value at the end is kept in its column
 */
record AttributePath(List<String> names, Class<?> javaType, Mapping mapping) {

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
				Class<?> javaType = ClassUtils.resolvePrimitiveIfNecessary(singular.getJavaType());
				return new AttributePath(List.copyOf(names), javaType, HibernateExists.mapping(singular, javaType));
			}
			else if (type instanceof IdentifiableType<?> identifiable) {
				SingularAttribute<?, ?> id = idOf(identifiable);
				if (id == null || id.getType().getPersistenceType() != Type.PersistenceType.BASIC) {
					throw invalid(path, resourceType, current, "'" + segment + "' has no single basic id");
				}
				names.add(id.getName());
				Class<?> javaType = ClassUtils.resolvePrimitiveIfNecessary(id.getJavaType());
				return new AttributePath(List.copyOf(names), javaType, HibernateExists.mapping(id, javaType));
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

	/**
	 * How an attribute's value is kept in its column, as far as a filter must know.
	 *
	 * @param arrays whether its values can be bound as one array of their Java type: no
	 * converter, and the column's JDBC type is the one of that Java type
	 * @param toColumn the attribute's converter, from the value to the column's value, or
	 * {@code null} when it has none: a converted column holds something else than the
	 * value's text, so it is never compared with the grant table
	 * @param fromColumn the converter's way back, or {@code null} when it has none
	 */
	record Mapping(boolean arrays, @Nullable Function<Object, @Nullable Object> toColumn,
			@Nullable Function<Object, @Nullable Object> fromColumn) {

		/** A value kept as it is, in a column of its own type. */
		static final Mapping AS_IS = new Mapping(true, null, null);

		/** A value bound as the attribute is, one parameter each. */
		static final Mapping UNKNOWN = new Mapping(false, null, null);

		/**
		 * The values a column compared with them admits exactly: through a converter,
		 * those that come back as themselves (a converter storing {@code "0202"} as
		 * {@code 202} would also admit the row read back as {@code "202"}, which no grant
		 * on {@code "0202"} allows), and none that it refuses.
		 * @param values values of the attribute's type
		 * @return those values, or the ones the converter gives back unchanged
		 */
		List<Object> exact(List<Object> values) {
			Function<Object, @Nullable Object> to = this.toColumn;
			Function<Object, @Nullable Object> from = this.fromColumn;
			if (to == null || from == null) {
				return values;
			}
			List<Object> exact = new ArrayList<>(values.size());
			for (Object value : values) {
				try {
					Object column = to.apply(value);
					if (column != null && value.equals(from.apply(column))) {
						exact.add(value);
					}
				}
				catch (RuntimeException ex) {
					// a value the converter refuses names no row
				}
			}
			return exact;
		}

	}

}
