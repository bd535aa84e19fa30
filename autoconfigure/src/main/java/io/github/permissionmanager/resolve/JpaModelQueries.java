package io.github.permissionmanager.resolve;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import org.hibernate.ConnectionReleaseMode;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.jpa.EntityManagerFactoryUtils;
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
 * <p>
 * The lookup runs on the caller's transactional (or open-in-view) entity manager when
 * there is one, else on one of its own, closed after the query. Its timeout is a query
 * hint, which the JPA provider turns into {@link Statement#setQueryTimeout(int)} for each
 * lookup. On H2 that call is a {@code SET QUERY_TIMEOUT} of the whole connection, which
 * also empties every session's statement cache, and Hibernate sets it back to 0 when it
 * closes the statement: two commands per lookup and the lookup parsed anew each time. So
 * on H2 through Hibernate the lookup carries no hint: once the timeout has passed, a
 * daemon thread that looks every 50 ms cancels it ({@code Session.cancelQuery()}, again
 * at each look until it ends) and it fails, and a cancel that arrives just after it ended
 * is cleared before the caller's next statement could see it.
 */
public final class JpaModelQueries implements ModelQueries, AutoCloseable {

	private static final String TIMEOUT_HINT = "jakarta.persistence.query.timeout";

	private final EntityManagerFactory entityManagerFactory;

	private static final boolean HIBERNATE_PRESENT = ClassUtils
		.isPresent("org.hibernate.engine.spi.SharedSessionContractImplementor", JpaModelQueries.class.getClassLoader());

	// how often the sweeper looks for lookups past their deadline
	private static final long SWEEP_MILLIS = 50;

	private final int timeoutMillis;

	// whether the lookup is cancelled by this class rather than bounded by a hint (H2
	// through Hibernate): 0 not known yet, 1 yes, -1 no
	private volatile int cancelled;

	// the lookups running with a deadline: a lookup adds and removes itself, so one that
	// ends in time costs no hand-over between threads
	private final Set<Canceller> running = ConcurrentHashMap.newKeySet();

	private volatile @Nullable Thread sweeper;

	private volatile boolean closed;

	/**
	 * Create the lookups.
	 * @param entityManagerFactory the application's entity manager factory
	 * @param timeout the longest a lookup may take
	 */
	public JpaModelQueries(EntityManagerFactory entityManagerFactory, Duration timeout) {
		Assert.notNull(entityManagerFactory, "entityManagerFactory cannot be null");
		Assert.notNull(timeout, "timeout cannot be null");
		this.entityManagerFactory = entityManagerFactory;
		this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
		this.cancelled = (HIBERNATE_PRESENT && this.timeoutMillis > 0) ? 0 : -1;
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
		// joins the caller's transaction (or the request's open entity manager) when
		// there is one, else a short-lived entity manager for this query
		EntityManager transactional = EntityManagerFactoryUtils
			.getTransactionalEntityManager(this.entityManagerFactory);
		EntityManager entityManager = (transactional != null) ? transactional
				: this.entityManagerFactory.createEntityManager();
		try {
			Query lookup = entityManager.createQuery(query.query())
				.setParameter("key", key)
				.setMaxResults(2)
				// an authorization read must not flush the caller's pending changes
				.setFlushMode(FlushModeType.COMMIT);
			List<?> rows = (this.cancelled >= 0) ? HibernateLookups.list(this, entityManager, lookup)
					: bounded(lookup).getResultList();
			return new ArrayList<>(rows);
		}
		finally {
			if (transactional == null) {
				EntityManagerFactoryUtils.closeEntityManager(entityManager);
			}
		}
	}

	private Query bounded(Query lookup) {
		return (this.timeoutMillis > 0) ? lookup.setHint(TIMEOUT_HINT, this.timeoutMillis) : lookup;
	}

	private void start(Canceller canceller) {
		this.running.add(canceller);
		if (this.sweeper == null) {
			synchronized (this) {
				if (this.sweeper == null && !this.closed) {
					Thread thread = new Thread(this::sweep, "permission-manager-lookup-timeout");
					thread.setDaemon(true);
					thread.start();
					this.sweeper = thread;
				}
			}
		}
	}

	// cancels every lookup past its deadline, again at each pass until it has ended
	private void sweep() {
		while (!this.closed) {
			try {
				Thread.sleep(SWEEP_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long now = System.nanoTime();
			for (Canceller canceller : this.running) {
				if (now - canceller.deadline >= 0) {
					canceller.run();
				}
			}
		}
	}

	/**
	 * Stop the thread that cancels lookups past their timeout, if one was started.
	 */
	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
			Thread thread = this.sweeper;
			if (thread != null) {
				thread.interrupt();
			}
		}
	}

	// H2 keeps a cancel that came as a statement ended for the session's next statement;
	// setting the timeout (to none, as Hibernate leaves it) clears it
	static void clearTimeout(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(0);
		}
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

	/**
	 * The Hibernate side, in a class of its own so that another JPA provider never loads
	 * it.
	 */
	private static final class HibernateLookups {

		static List<?> list(JpaModelQueries queries, EntityManager entityManager, Query lookup) {
			SharedSessionContractImplementor session = session(entityManager);
			// after close() no thread cancels: the hint bounds the lookup instead
			if (session == null || queries.closed || !cancellable(queries, session)) {
				return queries.bounded(lookup).getResultList();
			}
			Canceller canceller = new Canceller(session,
					System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(queries.timeoutMillis));
			queries.start(canceller);
			try {
				return lookup.getResultList();
			}
			finally {
				queries.running.remove(canceller);
				if (canceller.end()) {
					// a cancel that came as the lookup ended must not reach the caller's
					// next statement
					session.doWork(JpaModelQueries::clearTimeout);
				}
			}
		}

		private static boolean cancellable(JpaModelQueries queries, SharedSessionContractImplementor session) {
			if (queries.cancelled == 0) {
				boolean h2 = session.doReturningWork(
						(connection) -> "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName()));
				queries.cancelled = h2 ? 1 : -1;
			}
			// the cancel and the clearing must reach the connection the lookup ran on
			return queries.cancelled > 0 && session.getJdbcCoordinator()
				.getLogicalConnection()
				.getConnectionHandlingMode()
				.getReleaseMode() != ConnectionReleaseMode.AFTER_STATEMENT;
		}

		private static @Nullable SharedSessionContractImplementor session(EntityManager entityManager) {
			try {
				return entityManager.unwrap(SharedSessionContractImplementor.class);
			}
			catch (RuntimeException ex) {
				// not a Hibernate session
				return null;
			}
		}

	}

	/**
	 * Cancels the session's running query each time it runs, until the lookup has ended.
	 * Compared by identity: each lookup has its own.
	 */
	static final class Canceller implements Runnable {

		private final SharedSessionContractImplementor session;

		final long deadline;

		private boolean ended;

		private boolean fired;

		Canceller(SharedSessionContractImplementor session, long deadline) {
			this.session = session;
			this.deadline = deadline;
		}

		@Override
		public synchronized void run() {
			if (this.ended) {
				return;
			}
			this.fired = true;
			try {
				this.session.getJdbcCoordinator().cancelLastQuery();
			}
			catch (RuntimeException ex) {
				// nothing running yet, or the statement closed: the next run tries again
			}
		}

		/**
		 * The lookup has ended: no cancel after this one.
		 * @return whether a cancel was sent
		 */
		synchronized boolean end() {
			this.ended = true;
			return this.fired;
		}

	}

}
