package io.github.permissionmanager.resolve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * {@link ModelQueries} over JPA. A {@code fetch} key is read from the entity as the
 * attribute of that name, else its camelCase form ({@code event_id} → {@code eventId}),
 * else the id of the association it names ({@code event_id} → {@code event.id}); a key
 * with dots is a property path ({@code card.board.id}) read through its joins. Each
 * lookup is one query that selects only that attribute, and the resource attributes a
 * rule lists ({@code attributes: [status, event.department]}) when it lists some, bounded
 * by the evaluation timeout.
 */
public final class JpaModelQueries implements ModelQueries {

	private static final String TIMEOUT_HINT = "jakarta.persistence.query.timeout";

	private final EntityManagerFactory entityManagerFactory;

	private final EntityManager entityManager;

	private final int timeoutMillis;

	/**
	 * Create the lookups.
	 * @param entityManagerFactory the application's entity manager factory
	 * @param timeout the longest a lookup may take
	 */
	public JpaModelQueries(EntityManagerFactory entityManagerFactory, Duration timeout) {
		Assert.notNull(entityManagerFactory, "entityManagerFactory cannot be null");
		Assert.notNull(timeout, "timeout cannot be null");
		this.entityManagerFactory = entityManagerFactory;
		// joins the caller's transaction when there is one, else a short-lived entity
		// manager per query
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
	}

	@Override
	public ModelQuery plan(String model, List<String> fetchKeys, @Nullable String keyAttribute) {
		return plan(model, fetchKeys, keyAttribute, List.of());
	}

	@Override
	public ModelQuery plan(String model, List<String> fetchKeys, @Nullable String keyAttribute,
			List<String> attributes) {
		EntityType<?> entity = entity(model);
		String path = null;
		String fetchKey = null;
		List<String> tried = new ArrayList<>();
		for (String key : fetchKeys) {
			path = attributePath(entity, key, tried);
			if (path != null) {
				fetchKey = key;
				break;
			}
		}
		if (path == null || fetchKey == null) {
			throw new IllegalArgumentException("entity " + entity.getName() + " has no attribute, association or path "
					+ String.join(", ", tried) + " for fetch " + fetchKeys);
		}
		SingularAttribute<?, ?> key = (keyAttribute != null) ? singular(entity, keyAttribute) : idAttribute(entity);
		if (key == null) {
			throw new IllegalArgumentException((keyAttribute != null)
					? "entity " + entity.getName() + " has no attribute '" + keyAttribute + "' for fetch-key-model"
					: "entity " + entity.getName() + " has no single id attribute; set fetch-key-model");
		}
		Class<?> keyType = ClassUtils.resolvePrimitiveIfNecessary(key.getJavaType());
		StringBuilder selected = new StringBuilder("e.").append(path);
		for (String attribute : attributes) {
			String attributePath = attribute.contains(".") ? propertyPath(entity, attribute)
					: singularPath(entity, attribute);
			if (attributePath == null) {
				throw new IllegalArgumentException("entity " + entity.getName() + " has no attribute or path '"
						+ attribute + "' for attributes " + attributes);
			}
			selected.append(", e.").append(attributePath);
		}
		String query = "select " + selected + " from " + entity.getName() + " e where e." + key.getName() + " = :key";
		return new ModelQuery(entity.getName(), fetchKey, path, key.getName(), keyType, query, attributes);
	}

	@Override
	public List<@Nullable Object> find(ModelQuery query, Object key) {
		Query lookup = this.entityManager.createQuery(query.query())
			.setParameter("key", key)
			.setMaxResults(2)
			// an authorization read must not flush the caller's pending changes
			.setFlushMode(FlushModeType.COMMIT);
		if (this.timeoutMillis > 0) {
			lookup.setHint(TIMEOUT_HINT, this.timeoutMillis);
		}
		List<?> rows = lookup.getResultList();
		return new ArrayList<>(rows);
	}

	private EntityType<?> entity(String model) {
		for (EntityType<?> entity : this.entityManagerFactory.getMetamodel().getEntities()) {
			Class<?> javaType = entity.getJavaType();
			if (model.equals(entity.getName()) || (javaType != null && model.equals(javaType.getName()))) {
				return entity;
			}
		}
		throw new IllegalArgumentException(
				"unknown entity '" + model + "' (an entity name or fully qualified class name)");
	}

	private @Nullable String attributePath(EntityType<?> entity, String key, List<String> tried) {
		if (key.contains(".")) {
			tried.add(key);
			return propertyPath(entity, key);
		}
		String camel = ResolutionPlanner.camelCase(key);
		for (String name : (camel.equals(key)) ? List.of(key) : List.of(key, camel)) {
			tried.add(name);
			SingularAttribute<?, ?> attribute = singular(entity, name);
			if (attribute != null) {
				return valuePath(name, attribute);
			}
		}
		String association = ResolutionPlanner.associationName(camel);
		if (association != null) {
			tried.add(association + ".id");
			SingularAttribute<?, ?> attribute = singular(entity, association);
			if (attribute != null && attribute.isAssociation()) {
				return valuePath(association, attribute);
			}
		}
		return null;
	}

	// an attribute read as it is named, no camelCase or association guessing: it becomes
	// a resource attribute of that name
	private @Nullable String singularPath(EntityType<?> entity, String name) {
		SingularAttribute<?, ?> attribute = singular(entity, name);
		return (attribute != null) ? valuePath(name, attribute) : null;
	}

	private @Nullable String propertyPath(EntityType<?> entity, String path) {
		ManagedType<?> current = entity;
		String[] segments = path.split("\\.");
		StringBuilder resolved = new StringBuilder();
		for (int i = 0; i < segments.length; i++) {
			if (current == null) {
				return null;
			}
			SingularAttribute<?, ?> attribute = singular(current, segments[i]);
			if (attribute == null) {
				return null;
			}
			resolved.append((i > 0) ? "." : "").append(segments[i]);
			if (i == segments.length - 1) {
				return valuePath(resolved.toString(), attribute);
			}
			Type<?> type = attribute.getType();
			current = (type instanceof ManagedType<?> managed) ? managed : null;
		}
		return null;
	}

	/**
	 * An association is read as its id, so the query never loads the associated entity.
	 */
	private @Nullable String valuePath(String path, SingularAttribute<?, ?> attribute) {
		if (!attribute.isAssociation()) {
			return path;
		}
		if (attribute.getType() instanceof EntityType<?> target) {
			SingularAttribute<?, ?> id = idAttribute(target);
			return (id != null) ? path + "." + id.getName() : null;
		}
		return null;
	}

	private static @Nullable SingularAttribute<?, ?> singular(ManagedType<?> type, String name) {
		for (Attribute<?, ?> attribute : type.getAttributes()) {
			if (attribute.getName().equals(name)) {
				return (attribute instanceof SingularAttribute<?, ?> singular) ? singular : null;
			}
		}
		return null;
	}

	private static @Nullable SingularAttribute<?, ?> idAttribute(EntityType<?> entity) {
		if (!entity.hasSingleIdAttribute()) {
			return null;
		}
		for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
			if (attribute.isId()) {
				return attribute;
			}
		}
		return null;
	}

}
