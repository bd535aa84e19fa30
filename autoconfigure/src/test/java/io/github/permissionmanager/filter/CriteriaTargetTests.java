package io.github.permissionmanager.filter;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.PermittedObjects;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.SubjectGrants;
import io.github.permissionmanager.store.StoreTables;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import org.junit.jupiter.api.Test;

import org.springframework.core.convert.support.DefaultConversionService;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The grant table's {@code EXISTS} is written only where it compares exactly: a query
 * that Hibernate does not build, or a store on a database the filters cannot write SQL
 * for, fails before any predicate is made.
 */
class CriteriaTargetTests {

	private static final PermittedObjects MANY = PermittedObjects.only(Set.of("1", "2", "3"), Set.of("doc:read"),
			Set.of());

	private static DefaultPermissionFilters filters(String database) {
		GrantSnapshotCache snapshots = new GrantSnapshotCache((user, groups) -> new SubjectGrants(Set.of(), List.of()),
				Roles.none(), Clock.systemUTC(), null, 0);
		return new DefaultPermissionFilters(snapshots, () -> null, () -> (authentication) -> Subject.of("bob"),
				DefaultConversionService.getSharedInstance(), 2,
				new GrantTable(new StoreTables("pm_"), () -> database, Clock.systemUTC(), (builder) -> true));
	}

	private static CriteriaTarget target(DefaultPermissionFilters filters, CriteriaBuilder builder) {
		return new CriteriaTarget(filters, new FilterRequest("bob", "doc:read", "doc"), builder, mock(Path.class),
				Long.class, null, String.class);
	}

	@Test
	void aQueryNotBuiltByHibernateCannotTakeTheGrantTable() {
		CriteriaBuilder builder = mock(CriteriaBuilder.class);
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> target(filters("H2"), builder).exists(MANY, null))
			.withMessage("'bob' holds doc:read on 3 objects of doc, more than permission-manager.filter.max-object-ids "
					+ "lists, and the grant table cannot be queried instead: the query is not built by Hibernate, whose "
					+ "sql() function puts it into the query");
		verifyNoInteractions(builder);
	}

	@Test
	void aStoreOnADatabaseTheFiltersCannotWriteSqlForCannotBeQueried() {
		CriteriaBuilder builder = mock(CriteriaBuilder.class);
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> target(filters("Oracle"), builder).exists(MANY, null))
			.withMessageEndingWith("the grant store's database is none of H2, PostgreSQL, MariaDB or MySQL");
		verifyNoInteractions(builder);
	}

}
