package io.github.permissionmanager.attributestest;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.store.CountingDataSource;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Resource attributes read by a rule's model lookup ({@code attributes: [status,
 * department]}): one statement selects the value and only those columns, the attributes
 * override a {@link io.github.permissionmanager.ResourceAttributesResolver}'s, a
 * {@code null} column is a missing attribute, and an attribute the entity does not have
 * stops the start naming it.
 */
@SpringBootTest(classes = AttributesTestApplication.class, webEnvironment = WebEnvironment.NONE)
@TestPropertySource(locations = "classpath:attributestest/attributes.properties")
class AttributesFromLookupTests {

	private static final String DRAFT_REVIEWED = "resource.status == 'draft' and resource.reviewed == true";

	@Autowired
	PaperService papers;

	@Autowired
	PermissionGrants grants;

	@Autowired
	CountingDataSource dataSource;

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void data() {
		this.transactions.executeWithoutResult((status) -> {
			this.entityManager.createQuery("delete from Note").executeUpdate();
			this.entityManager.createQuery("delete from Paper").executeUpdate();
			Paper draft = new Paper(1, "draft", "Engineering", "Plans");
			Paper published = new Paper(2, "published", "Engineering", "Report");
			this.entityManager.persist(draft);
			this.entityManager.persist(published);
			this.entityManager.persist(new Paper(3, null, "Engineering", "Untitled"));
			this.entityManager.persist(new Note(10, draft));
			this.entityManager.persist(new Note(20, published));
		});
		this.grants.grant(Grant.of(Grantee.user("bob"), "paper:edit").on("paper").when(DRAFT_REVIEWED));
	}

	@Test
	@WithMockUser("bob")
	void editWhenTheLookupReadsDraftThenAllowedByOneStatementSelectingOnlyTheListedColumns() {
		// the first call loads bob's grants
		assertThat(this.papers.edit(1)).isEqualTo("edited 1");
		this.dataSource.reset();
		assertThat(this.papers.edit(1)).isEqualTo("edited 1");
		assertThat(this.dataSource.executed()).as("one statement for the lookup and its attributes").isEqualTo(1);
		String sql = this.dataSource.prepared().get(0).toLowerCase();
		assertThat(sql).contains("status").contains("department").doesNotContain("title");
	}

	@Test
	@WithMockUser("bob")
	void editWhenTheLookupReadsAnotherStatusOrNoneThenDenied() {
		// the resolver says "final" for every paper: the lookup's draft overrides it, and
		// its published is not overridden back
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.papers.edit(2));
		// a null status is a missing attribute, not the resolver's "final" and not null
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.papers.edit(3));
	}

	@Test
	@WithMockUser("bob")
	void editWhenTheStatusChangesBetweenCallsThenTheNextCallReadsItAgain() {
		assertThat(this.papers.edit(1)).isEqualTo("edited 1");
		this.transactions.executeWithoutResult(
				(status) -> this.entityManager.createQuery("update Paper p set p.status = 'published' where p.id = 1")
					.executeUpdate());
		// a context remembered from the last call with the same id would still say draft
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.papers.edit(1));
	}

	@Test
	@WithMockUser("bob")
	void editNoteWhenThePaperReadThroughTheJoinIsDraftThenAllowed() {
		assertThat(this.papers.editNote(10)).isEqualTo("edited note 10");
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.papers.editNote(20))
			.satisfies((ex) -> assertThat(ex.getResource().id()).isEqualTo("2"));
		this.dataSource.reset();
		this.papers.editNote(10);
		assertThat(this.dataSource.executed()).isEqualTo(1);
	}

	@Test
	@WithMockUser("carol")
	void editWithoutAGrantThenDeniedWhateverTheAttributes() {
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.papers.edit(1));
	}

	@Test
	void startWhenAnAttributeIsUnknownOrHasNoModelThenFailsNamingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SpringApplicationBuilder(AttributesTestApplication.class)
				.properties("attributestest.url=jdbc:h2:mem:attributes-unknown;DB_CLOSE_DELAY=-1",
						"spring.jpa.hibernate.ddl-auto=create-drop", "spring.main.web-application-type=none",
						"permission-manager.rules.paper.fetch=id", "permission-manager.rules.paper.model=Paper",
						"permission-manager.rules.paper.resource=paper",
						"permission-manager.rules.paper.attributes=status,colour",
						"permission-manager.rules.paper-of-note.fetch=paper_id",
						"permission-manager.rules.paper-of-note.attributes=status",
						"permission-manager.rules.twice.fetch=id", "permission-manager.rules.twice.model=Note",
						"permission-manager.rules.twice.attributes=paper.status,paper.department,paper.id,id")
				.run()
				.close())
			.withMessageContaining(
					"rule 'paper': entity Paper has no attribute or path 'colour' for attributes " + "[status, colour]")
			.withMessageContaining("rule 'paper-of-note': attributes [status] are read by the model lookup, but "
					+ "there is no model")
			.withMessageContaining(
					"rule 'twice': attributes [paper.status, paper.department, paper.id, id] name " + "'id' twice");
	}

}
