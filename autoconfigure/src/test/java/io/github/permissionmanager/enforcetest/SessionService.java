package io.github.permissionmanager.enforcetest;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service guarded by the same rule as {@code PATCH /sessions/{id}}: its lookup key is
 * its argument {@code id}.
 */
@Service
public class SessionService {

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final SessionFactory sessionFactory;

	private final SideEffects sideEffects;

	private volatile long statementsBeforeBody = -1;

	SessionService(EntityManager entityManager, EntityManagerFactory entityManagerFactory,
			TransactionTemplate transactions, SideEffects sideEffects) {
		this.entityManager = entityManager;
		this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
		this.transactions = transactions;
		this.sideEffects = sideEffects;
	}

	long statementsBeforeBody() {
		return this.statementsBeforeBody;
	}

	@RequiresPermissions(value = "session:update", rule = "session-event")
	public void rename(long id, String title) {
		this.statementsBeforeBody = this.sessionFactory.getStatistics().getPrepareStatementCount();
		this.sideEffects.ran("service rename " + id);
		this.transactions.executeWithoutResult((status) -> this.entityManager.find(Session.class, id).setTitle(title));
	}

}
