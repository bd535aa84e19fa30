package io.github.permissionmanager.resolve;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionContextException.Reason;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * Context resolution against a mocked model lookup: conversion, missing and ambiguous
 * rows, lookup failures and per-request memoization.
 */
class ContextResolverTests {

	private static final ModelQuery SESSION_EVENT = new ModelQuery("Session", "event_id", "event.id", "id", Long.class,
			"select e.event.id from Session e where e.id = :key");

	private final ModelQueries queries = mock(ModelQueries.class);

	private final ContextResolver resolver = new ContextResolver(this.queries,
			DefaultConversionService.getSharedInstance(), true);

	// fetch event_id, never an argument; model Session looked up by argument 0 ("id")
	private final ResolutionPlan plan = new ResolutionPlan(new KeySource[] { key("event_id", -1) },
			new String[] { "event_id" }, new String[] { "event" },
			List.of(new ModelLookup(SESSION_EVENT, key("id", 0), "event_id", "event")));

	private static KeySource key(String key, int argumentIndex) {
		return new KeySource(key, argumentIndex, false, List.of(), BoundNames.NONE);
	}

	@AfterEach
	void unbind() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void lookupValueIsConvertedToTheKeyTypeAndTheResultIsTheResource() {
		given(this.queries.find(SESSION_EVENT, 10L)).willReturn(Arrays.asList(7L));
		ResolvedContext resolved = this.resolver.resolve(this.plan, new Object[] { "10" }, null);
		assertThat(resolved.resource()).isEqualTo(Resource.of("event", 7));
		assertThat(resolved.context().get("event_id")).isEqualTo(7L);
	}

	@Test
	void notConvertibleLookupValueIsInvalid() {
		assertThatExceptionOfType(PermissionContextException.class)
			.isThrownBy(() -> this.resolver.resolve(this.plan, new Object[] { "ten" }, null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.INVALID_VALUE));
		then(this.queries).should(never()).find(any(), any());
	}

	@Test
	void emptyLookupValueIsAValueButNotAConvertibleOne() {
		assertThatExceptionOfType(PermissionContextException.class)
			.isThrownBy(() -> this.resolver.resolve(this.plan, new Object[] { "" }, null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.INVALID_VALUE));
	}

	@Test
	void noRowIsNotFound() {
		given(this.queries.find(SESSION_EVENT, 10L)).willReturn(List.of());
		assertThatExceptionOfType(PermissionContextException.class)
			.isThrownBy(() -> this.resolver.resolve(this.plan, new Object[] { 10L }, null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NOT_FOUND))
			.satisfies((ex) -> assertThat(ex.getResourceType()).isEqualTo("event"));
	}

	@Test
	void rowWhoseAttributeIsNullIsNotFound() {
		given(this.queries.find(SESSION_EVENT, 10L)).willReturn(Arrays.asList((Object) null));
		assertThatExceptionOfType(PermissionContextException.class)
			.isThrownBy(() -> this.resolver.resolve(this.plan, new Object[] { 10L }, null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NOT_FOUND));
	}

	@Test
	void moreThanOneRowCannotBeDecided() {
		given(this.queries.find(SESSION_EVENT, 10L)).willReturn(Arrays.asList(7L, 8L));
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> this.resolver.resolve(this.plan, new Object[] { 10L }, null))
			.withMessageContaining("more than one row");
	}

	@Test
	void failingLookupCannotBeDecided() {
		given(this.queries.find(SESSION_EVENT, 10L)).willThrow(new IllegalStateException("connection refused"));
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> this.resolver.resolve(this.plan, new Object[] { 10L }, null))
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void nothingToResolveFromIsAMissingValue() {
		assertThatExceptionOfType(PermissionContextException.class)
			.isThrownBy(() -> this.resolver.resolve(this.plan, new Object[] { null }, null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MISSING_VALUE));
	}

	@Test
	void lookupIsMemoizedForTheRestOfTheRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("PATCH", "/sessions/10");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		given(this.queries.find(SESSION_EVENT, 10L)).willReturn(Arrays.asList(7L));
		this.resolver.resolve(this.plan, new Object[] { 10L }, RequestValues.current());
		this.resolver.resolve(this.plan, new Object[] { "10" }, RequestValues.current());
		then(this.queries).should(times(1)).find(SESSION_EVENT, 10L);
	}

	@Test
	void lookupIsNotMemoizedOutsideARequest() {
		given(this.queries.find(SESSION_EVENT, 10L)).willReturn(Arrays.asList(7L));
		this.resolver.resolve(this.plan, new Object[] { 10L }, null);
		this.resolver.resolve(this.plan, new Object[] { 10L }, null);
		then(this.queries).should(times(2)).find(SESSION_EVENT, 10L);
	}

	@Test
	void optionalArgumentIsItsValueAndEmptyIsMissingWithoutFallingBackToTheModel() {
		ResolutionPlan direct = new ResolutionPlan(new KeySource[] { key("event_id", 1) }, new String[] { "event_id" },
				new String[] { "event" }, List.of(new ModelLookup(SESSION_EVENT, key("id", 0), "event_id", "event")));
		ContextResolver trusting = new ContextResolver(this.queries, DefaultConversionService.getSharedInstance(),
				false);
		assertThat(trusting.resolve(direct, new Object[] { 10L, java.util.Optional.of(7L) }, null).resource())
			.isEqualTo(Resource.of("event", 7));
		assertThatExceptionOfType(PermissionContextException.class)
			.isThrownBy(() -> trusting.resolve(direct, new Object[] { 10L, java.util.Optional.empty() }, null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MISSING_VALUE));
		then(this.queries).should(never()).find(any(), any());
	}

	@Test
	void keyInTheCallMustAgreeWithTheModel() {
		ResolutionPlan direct = new ResolutionPlan(new KeySource[] { key("event_id", 1) }, new String[] { "event_id" },
				new String[] { "event" }, List.of(new ModelLookup(SESSION_EVENT, key("id", 0), "event_id", "event")));
		given(this.queries.find(SESSION_EVENT, 10L)).willReturn(Arrays.asList(7L));
		assertThat(this.resolver.resolve(direct, new Object[] { 10L, 7L }, null).resource())
			.isEqualTo(Resource.of("event", 7));
		assertThatExceptionOfType(PermissionContextException.class)
			.isThrownBy(() -> this.resolver.resolve(direct, new Object[] { 10L, 8L }, null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NOT_FOUND));
	}

	@Test
	void crossCheckOffTrustsTheKeyInTheCall() {
		ContextResolver trusting = new ContextResolver(this.queries, DefaultConversionService.getSharedInstance(),
				false);
		ResolutionPlan direct = new ResolutionPlan(new KeySource[] { key("event_id", 1) }, new String[] { "event_id" },
				new String[] { "event" }, List.of(new ModelLookup(SESSION_EVENT, key("id", 0), "event_id", "event")));
		assertThat(trusting.resolve(direct, new Object[] { 10L, 8L }, null).resource())
			.isEqualTo(Resource.of("event", 8));
		then(this.queries).should(never()).find(any(), any());
	}

	@Test
	void theSameValueOfTheSameKeyOutsideARequestSharesOneImmutableContext() {
		ResolutionPlan direct = new ResolutionPlan(new KeySource[] { key("event_id", 0) }, new String[] { "event_id" },
				new String[] { "event" }, List.of());
		ResolvedContext seven = this.resolver.resolve(direct, new Object[] { 7L }, null);
		assertThat(this.resolver.resolve(direct, new Object[] { 7L }, null)).isSameAs(seven);
		ResolvedContext eight = this.resolver.resolve(direct, new Object[] { 8L }, null);
		assertThat(eight.resource()).isEqualTo(Resource.of("event", 8));
		assertThat(eight.context().get("event_id")).isEqualTo(8L);
		// an equal text of another type is another value
		ResolvedContext text = this.resolver.resolve(direct, new Object[] { "8" }, null);
		assertThat(text).isNotSameAs(eight);
		assertThat(text.context().get("event_id")).isEqualTo("8");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> seven.context().values().put("event_id", 8L));
	}

	@Test
	void aValueOfAMutableTypeIsNeverShared() {
		ResolutionPlan direct = new ResolutionPlan(new KeySource[] { key("event_id", 0) }, new String[] { "event_id" },
				new String[] { "event" }, List.of());
		StringBuilder id = new StringBuilder("7");
		ResolvedContext first = this.resolver.resolve(direct, new Object[] { id }, null);
		id.setLength(0);
		id.append('8');
		ResolvedContext second = this.resolver.resolve(direct, new Object[] { id }, null);
		assertThat(second).isNotSameAs(first);
		assertThat(first.resource()).isEqualTo(Resource.of("event", 7));
		assertThat(second.resource()).isEqualTo(Resource.of("event", 8));
	}

	@Test
	void aSharedContextIsStillCrossCheckedOnEveryCall() {
		ResolutionPlan direct = new ResolutionPlan(new KeySource[] { key("event_id", 1) }, new String[] { "event_id" },
				new String[] { "event" }, List.of(new ModelLookup(SESSION_EVENT, key("id", 0), "event_id", "event")));
		given(this.queries.find(SESSION_EVENT, 10L)).willReturn(Arrays.asList(7L));
		given(this.queries.find(SESSION_EVENT, 11L)).willReturn(Arrays.asList(8L));
		ResolvedContext first = this.resolver.resolve(direct, new Object[] { 10L, 7L }, null);
		assertThat(this.resolver.resolve(direct, new Object[] { 10L, 7L }, null)).isSameAs(first);
		// session 11 is on event 8: the remembered context for event 7 is no answer
		assertThatExceptionOfType(PermissionContextException.class)
			.isThrownBy(() -> this.resolver.resolve(direct, new Object[] { 11L, 7L }, null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NOT_FOUND));
	}

	@Test
	void insideARequestTheContextIsTheRequestsOwn() {
		ResolutionPlan direct = new ResolutionPlan(new KeySource[] { key("event_id", 0) }, new String[] { "event_id" },
				new String[] { "event" }, List.of());
		ResolvedContext outside = this.resolver.resolve(direct, new Object[] { 7L }, null);
		MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/events/7");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		ResolvedContext inside = this.resolver.resolve(direct, new Object[] { 7L }, RequestValues.current());
		assertThat(inside).isNotSameAs(outside);
		assertThat(inside.context().httpMethod()).isEqualTo("DELETE");
		assertThat(this.resolver.resolve(direct, new Object[] { 7L }, null)).isSameAs(outside);
	}

	@Test
	void attributesOfTheLookupAreGivenOnlyWhenItsRowIsTheResourceChecked() {
		ModelQuery withStatus = new ModelQuery("Session", "event_id", "event.id", "id", Long.class,
				"select e.event.id, e.event.status from Session e where e.id = :key", List.of("event.status"));
		ResolutionPlan direct = new ResolutionPlan(new KeySource[] { key("event_id", 1) }, new String[] { "event_id" },
				new String[] { "event" }, List.of(new ModelLookup(withStatus, key("id", 0), "event_id", "event")));
		ContextResolver trusting = new ContextResolver(this.queries, DefaultConversionService.getSharedInstance(),
				false);
		given(this.queries.find(withStatus, 10L)).willReturn(Collections.singletonList(new Object[] { 7L, "draft" }));
		// the lookup runs even with cross-checking off, since the call does not carry the
		// attributes
		assertThat(trusting.resolve(direct, new Object[] { 10L, 7L }, null).resource())
			.isEqualTo(Resource.of("event", 7).withAttribute("status", "draft"));
		// session 10 is of event 7: its event's status is not event 8's
		assertThat(trusting.resolve(direct, new Object[] { 10L, 8L }, null).resource())
			.isEqualTo(Resource.of("event", 8));
		// found by the lookup, the resource has them; a null column is no attribute
		assertThat(this.resolver.resolve(this.plan(withStatus), new Object[] { 10L }, null).resource())
			.isEqualTo(Resource.of("event", 7).withAttribute("status", "draft"));
		given(this.queries.find(withStatus, 11L)).willReturn(Collections.singletonList(new Object[] { 7L, null }));
		assertThat(this.resolver.resolve(this.plan(withStatus), new Object[] { 11L }, null).resource())
			.isEqualTo(Resource.of("event", 7));
		// a replaced ModelQueries that answers the value alone cannot decide
		given(this.queries.find(withStatus, 12L)).willReturn(List.of(7L));
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> this.resolver.resolve(this.plan(withStatus), new Object[] { 12L }, null));
	}

	private ResolutionPlan plan(ModelQuery query) {
		return new ResolutionPlan(new KeySource[] { key("event_id", -1) }, new String[] { "event_id" },
				new String[] { "event" }, List.of(new ModelLookup(query, key("id", 0), "event_id", "event")));
	}

}
