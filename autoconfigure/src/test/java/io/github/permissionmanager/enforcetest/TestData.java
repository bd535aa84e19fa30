package io.github.permissionmanager.enforcetest;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows the lookup tests read: events 1 and 2; sessions 10 and 0 of event 1, 20 of event
 * 2, and 31, 32 (both titled "Twin") of event 1; boards 1 and 2 with cards 10 (board 1)
 * and 20 (board 2); comments 100 (on card 10) and 200 (on card 20).
 */
@Component
public class TestData {

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final SessionFactory sessionFactory;

	TestData(EntityManager entityManager, EntityManagerFactory entityManagerFactory, TransactionTemplate transactions) {
		this.entityManager = entityManager;
		this.transactions = transactions;
		this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
	}

	public void reset() {
		this.transactions.executeWithoutResult((status) -> {
			for (String entity : new String[] { "Comment", "Card", "Board", "Session", "Event" }) {
				this.entityManager.createQuery("delete from " + entity).executeUpdate();
			}
			Event one = new Event(1L, "One");
			Event two = new Event(2L, "Two");
			this.entityManager.persist(one);
			this.entityManager.persist(two);
			this.entityManager.persist(new Session(10L, "Opening", one));
			this.entityManager.persist(new Session(0L, "Zero", one));
			this.entityManager.persist(new Session(20L, "Other", two));
			this.entityManager.persist(new Session(31L, "Twin", one));
			this.entityManager.persist(new Session(32L, "Twin", one));
			Board boardOne = new Board(1L);
			Board boardTwo = new Board(2L);
			this.entityManager.persist(boardOne);
			this.entityManager.persist(boardTwo);
			Card cardTen = new Card(10L, "todo", boardOne);
			Card cardTwenty = new Card(20L, "todo", boardTwo);
			this.entityManager.persist(cardTen);
			this.entityManager.persist(cardTwenty);
			this.entityManager.persist(new Comment(100L, "first", cardTen));
			this.entityManager.persist(new Comment(200L, "second", cardTwenty));
		});
		this.sessionFactory.getStatistics().clear();
	}

	public String sessionTitle(long id) {
		return this.transactions.execute((status) -> this.entityManager.find(Session.class, id).getTitle());
	}

	public String cardLabel(long id) {
		return this.transactions.execute((status) -> this.entityManager.find(Card.class, id).getLabel());
	}

	public void clearStatistics() {
		this.sessionFactory.getStatistics().clear();
	}

}
