package io.github.permissionmanager.enforcetest;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints whose resource is found through a JPA lookup. Each body first records how
 * many SQL statements had been prepared when it started, then changes a row.
 */
@RestController
class SessionController {

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final SessionFactory sessionFactory;

	private final SessionService sessionService;

	private final SideEffects sideEffects;

	private volatile long statementsBeforeBody = -1;

	SessionController(EntityManager entityManager, EntityManagerFactory entityManagerFactory,
			TransactionTemplate transactions, SessionService sessionService, SideEffects sideEffects) {
		this.entityManager = entityManager;
		this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
		this.transactions = transactions;
		this.sessionService = sessionService;
		this.sideEffects = sideEffects;
	}

	long statementsBeforeBody() {
		return this.statementsBeforeBody;
	}

	@PatchMapping("/sessions/{id}")
	@RequiresPermissions(value = "session:update", rule = "session-event")
	String update(@PathVariable("id") String id, @RequestBody String title) {
		this.statementsBeforeBody = this.sessionFactory.getStatistics().getPrepareStatementCount();
		this.sideEffects.ran("update session " + id);
		this.transactions
			.executeWithoutResult((status) -> this.entityManager.find(Session.class, Long.valueOf(id)).setTitle(title));
		return "updated " + id;
	}

	@PatchMapping("/sessions/{id}/twice")
	@RequiresPermissions(value = "session:update", rule = "session-event")
	String updateTwice(@PathVariable long id, @RequestBody String title) {
		this.sessionService.rename(id, title);
		this.statementsBeforeBody = this.sessionService.statementsBeforeBody();
		return "renamed " + id;
	}

	@GetMapping("/sessions/by-title/{title}")
	@RequiresPermissions(value = "session:read", fetch = "event_id", model = Session.class, fetchKeyUrl = "title",
			fetchKeyModel = "title")
	String byTitle(@PathVariable String title) {
		this.sideEffects.ran("session titled " + title);
		return title;
	}

	@GetMapping("/comments/{comment_id}")
	@RequiresPermissions(value = "board:read", fetch = "card.board.id", fetchAs = "board_id", model = Comment.class,
			fetchKeyUrl = "comment_id")
	String comment(@PathVariable("comment_id") long commentId) {
		this.sideEffects.ran("comment " + commentId);
		return "comment " + commentId;
	}

	@PatchMapping("/boards/{board_id}/cards/{card_id}")
	@RequiresPermissions(value = "card:update", fetch = "board_id", model = Card.class, fetchKeyUrl = "card_id")
	String updateCard(@PathVariable("board_id") long boardId, @PathVariable("card_id") long cardId,
			@RequestBody String label) {
		this.sideEffects.ran("update card " + cardId);
		this.transactions.executeWithoutResult((status) -> this.entityManager.find(Card.class, cardId).setLabel(label));
		return "card " + cardId;
	}

}
