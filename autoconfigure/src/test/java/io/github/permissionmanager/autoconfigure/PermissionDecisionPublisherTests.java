package io.github.permissionmanager.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionDecisionEvent;
import io.github.permissionmanager.PermissionDecisionPublisher;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.decide.ApplicationEventDecisionPublisher;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.SubjectGrants;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision events are built only when something receives them, and every listener that
 * asks for them gets them: allows and denials, whatever kind of listener, wherever and
 * whenever it is registered.
 */
class PermissionDecisionPublisherTests {

	private static final Grant BOBS = Grant.of(Grantee.user("bob"), "event:read").on("event", 7);

	private final GrantSnapshotCache snapshots = new GrantSnapshotCache(
			(user, groups) -> new SubjectGrants(Set.of(), List.of(BOBS)), Roles.none(), Clock.systemUTC(),
			Duration.ofMinutes(10), 100);

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PermissionManagerAutoConfiguration.class))
			.withBean(GrantSnapshotCache.class, () -> this.snapshots)
			.withBean(DefaultPermissionEvaluator.class,
					// the cache bean is a singleton, so the evaluator reads the one the
					// context has
					() -> new DefaultPermissionEvaluator(this.snapshots));
	}

	@Test
	void withoutAListenerNoDecisionIsPublished() {
		runner().run((context) -> {
			ApplicationEventDecisionPublisher publisher = context.getBean(ApplicationEventDecisionPublisher.class);
			assertThat(publisher.hasListeners()).isFalse();
			assertThat(publisher.isPublishing(true)).isFalse();
			assertThat(publisher.isPublishing(false)).isFalse();
			assertThat(context.getBean(PermissionManager.class).check("bob", "event:read", Resource.of("event", 7)))
				.isTrue();
		});
	}

	@Test
	void eventListenerMethodReceivesAllowsAndDenialsWithTheirReasons() {
		runner().withBean(MethodListener.class).run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			assertThat(permissions.check("bob", "event:read", Resource.of("event", 7))).isTrue();
			assertThat(permissions.check("bob", "event:read", Resource.of("event", 8))).isFalse();
			List<PermissionDecisionEvent> events = context.getBean(MethodListener.class).events;
			assertThat(events).extracting(PermissionDecisionEvent::allowed).containsExactly(true, false);
			assertThat(events.get(0).reason()).isEqualTo("granted 'event:read' to user 'bob' on event '7'");
			assertThat(events.get(1).reason())
				.isEqualTo("no grant of 'event:read' on event '8' to user 'bob' or its groups");
		});
	}

	@Test
	void listenerBeanOfPayloadEventsReceivesThem() {
		runner().withBean(PayloadListener.class).run((context) -> {
			context.getBean(PermissionManager.class).check("bob", "event:read", Resource.of("event", 8));
			assertThat(context.getBean(PayloadListener.class).events).hasSize(1);
		});
	}

	@Test
	void listenerOfEveryApplicationEventReceivesThem() {
		runner().withBean(EveryEventListener.class).run((context) -> {
			context.getBean(PermissionManager.class).check("bob", "event:read", Resource.of("event", 7));
			assertThat(context.getBean(EveryEventListener.class).events)
				.filteredOn((event) -> event instanceof PayloadApplicationEvent<?> payload
						&& payload.getPayload() instanceof PermissionDecisionEvent)
				.hasSize(1);
		});
	}

	@Test
	void listenerOfAParentContextReceivesThem() {
		try (AnnotationConfigApplicationContext parent = new AnnotationConfigApplicationContext(MethodListener.class)) {
			runner().withParent(parent).run((context) -> {
				context.getBean(PermissionManager.class).check("bob", "event:read", Resource.of("event", 7));
				assertThat(parent.getBean(MethodListener.class).events).hasSize(1);
			});
		}
	}

	@Test
	void listenerAddedAfterStartupReceivesTheNextDecisionAndOneRemovedStopsThem() {
		runner().run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			permissions.check("bob", "event:read", Resource.of("event", 7));
			PayloadListener late = new PayloadListener();
			context.addApplicationListener(late);
			permissions.check("bob", "event:read", Resource.of("event", 8));
			assertThat(late.events).extracting(PermissionDecisionEvent::allowed).containsExactly(false);
			context.removeApplicationListener(late);
			assertThat(context.getBean(ApplicationEventDecisionPublisher.class).isPublishing(true)).isFalse();
		});
	}

	@Test
	void beforeTheContextIsRefreshedEveryDecisionIsPublished() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			ApplicationEventDecisionPublisher publisher = new ApplicationEventDecisionPublisher(context, context);
			assertThat(publisher.isPublishing(true)).isTrue();
			assertThat(publisher.isPublishing(false)).isTrue();
		}
	}

	@Test
	void publishEventsFalsePublishesNothingEvenToAListener() {
		runner().withPropertyValues("permission-manager.evaluation.publish-events=false")
			.withBean(MethodListener.class)
			.run((context) -> {
				context.getBean(PermissionManager.class).check("bob", "event:read", Resource.of("event", 7));
				assertThat(context.getBean(MethodListener.class).events).isEmpty();
				assertThat(context.getBean(PermissionDecisionPublisher.class).isPublishing(false)).isFalse();
			});
	}

	@Test
	void publisherOfTheApplicationBacksOffAndIsHandedEveryDecision() {
		RecordingPublisher mine = new RecordingPublisher();
		runner().withBean(PermissionDecisionPublisher.class, () -> mine).run((context) -> {
			assertThat(context).doesNotHaveBean(ApplicationEventDecisionPublisher.class);
			PermissionManager permissions = context.getBean(PermissionManager.class);
			permissions.check("bob", "event:read", Resource.of("event", 7));
			permissions.check("bob", "event:read", Resource.of("event", 8));
			assertThat(mine.events).extracting(PermissionDecisionEvent::reason)
				.containsExactly("granted 'event:read' to user 'bob' on event '7'",
						"no grant of 'event:read' on event '8' to user 'bob' or its groups");
		});
	}

	@Test
	void listenerFailingOnAnAllowTurnsItIntoADenialAndOnADenialLeavesIt() {
		runner().withBean(FailingListener.class).run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			assertThat(permissions.check("bob", "event:read", Resource.of("event", 7))).isFalse();
			assertThat(permissions.explain("bob", "event:read", Resource.of("event", 7)).reason())
				.isEqualTo("evaluation failed: IllegalStateException");
			assertThat(permissions.check("bob", "event:read", Resource.of("event", 8))).isFalse();
			assertThat(context.getBean(FailingListener.class).calls).hasSize(3);
		});
	}

	static class MethodListener {

		final List<PermissionDecisionEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PermissionDecisionEvent event) {
			this.events.add(event);
		}

	}

	static class PayloadListener implements ApplicationListener<PayloadApplicationEvent<PermissionDecisionEvent>> {

		final List<PermissionDecisionEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<PermissionDecisionEvent> event) {
			this.events.add(event.getPayload());
		}

	}

	static class EveryEventListener implements ApplicationListener<ApplicationEvent> {

		final List<ApplicationEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			this.events.add(event);
		}

	}

	static class FailingListener {

		final List<PermissionDecisionEvent> calls = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PermissionDecisionEvent event) {
			this.calls.add(event);
			throw new IllegalStateException("audit store down");
		}

	}

	static class RecordingPublisher implements PermissionDecisionPublisher {

		final List<PermissionDecisionEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public boolean isPublishing(boolean allowed) {
			return true;
		}

		@Override
		public void publish(PermissionDecisionEvent event) {
			this.events.add(event);
		}

	}

}
