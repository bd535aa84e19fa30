package io.github.permissionmanager.enforcetest;

import io.github.permissionmanager.PermissionDeniedException;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a model lookup sees inside the caller's transaction: it runs on the caller's
 * entity manager but never flushes it, so a change of the parent not yet flushed (a
 * session moved to another event) is not seen and the check is made against the flushed
 * state; a flush before the guarded call makes the check see the change. Pinned so that
 * changing the lookup's flush mode is a deliberate decision (README, "What a model lookup
 * sees").
 */
@SpringBootTest(classes = EnforceTestApplication.class, webEnvironment = WebEnvironment.NONE)
@TestPropertySource(locations = "classpath:enforcetest/enforce.properties")
class ModelLookupFlushTests extends AbstractEnforceTests {

	@Autowired
	SessionService sessionService;

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transactions;

	@Test
	@WithMockUser("bob")
	void anUnflushedMoveOfTheSessionIsNotSeenByTheCheckInTheSameTransaction() {
		this.evaluator.grant("bob", "session:update", "event", 1);
		this.transactions.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			Session session = this.entityManager.find(Session.class, 10L);
			session.setEvent(this.entityManager.find(Event.class, 2L));
			// the check reads the session's flushed event, 1, which bob may update
			this.sessionService.rename(10, "Moved");
			assertThat(session.getEvent().getId()).isEqualTo(2L);
		});
		assertThat(this.evaluator.requests()).singleElement()
			.satisfies((request) -> assertThat(request.resource().id()).isEqualTo("1"));
		assertThat(this.sideEffects.ran()).containsExactly("service rename 10");
		assertThat(this.data.sessionTitle(10)).isEqualTo("Opening");
	}

	@Test
	@WithMockUser("bob")
	void aFlushBeforeTheGuardedCallMakesTheCheckSeeTheMove() {
		this.evaluator.grant("bob", "session:update", "event", 1);
		this.transactions.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			Session session = this.entityManager.find(Session.class, 10L);
			session.setEvent(this.entityManager.find(Event.class, 2L));
			this.entityManager.flush();
			assertThatExceptionOfType(PermissionDeniedException.class)
				.isThrownBy(() -> this.sessionService.rename(10, "Moved"))
				.satisfies((ex) -> assertThat(ex.getResource().id()).isEqualTo("2"));
		});
		assertThat(this.sideEffects.ran()).isEmpty();
		assertThat(this.data.sessionTitle(10)).isEqualTo("Opening");
	}

}
