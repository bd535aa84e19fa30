package io.github.permissionmanager.validationtest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.autoconfigure.PermissionEnforcementAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionManagerAutoConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Ways an annotation could guard nothing that have nothing to do with one method's rule:
 * a bean that is not proxied, a type-level {@code methods} filter that matches none of
 * the type's handlers; and shapes that must still be intercepted: a method reached
 * through a generic interface (a bridge method) and a composed annotation.
 */
class GuardCoverageTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(PermissionManagerAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class));

	@Test
	void guardedBeanRegisteredAsAReadyMadeInstanceRefusesToStart() {
		this.runner
			.withInitializer(
					(context) -> context.getBeanFactory().registerSingleton("readyMade", new GuardedBeans.Valid()))
			.run((context) -> assertThat(failure(context))
				.contains("bean 'readyMade' (" + GuardedBeans.Valid.class.getName()
						+ ") has @RequiresPermissions methods but is not proxied by Permission Manager"));
	}

	@Test
	void guardedBeanCreatedByTheContextStartsProxied() {
		this.runner.withBean(GuardedBeans.Valid.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThatExceptionOfType(AuthenticationRequiredException.class)
				.isThrownBy(() -> context.getBean(GuardedBeans.Valid.class).read(7));
		});
	}

	@Test
	void typeLevelMethodsFilterMatchingNoHandlerRefusesToStart() {
		this.runner.withBean(DeleteOnlyController.class)
			.run((context) -> assertThat(failure(context)).contains(
					DeleteOnlyController.class.getName() + ": the type's @RequiresPermissions has methods [DELETE]"));
	}

	@Test
	void typeLevelMethodsFilterMatchingOneHandlerStarts() {
		this.runner.withBean(PostOnlyController.class).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void methodReachedThroughAGenericInterfaceIsChecked() {
		this.runner.withBean(EventHandler.class).run((context) -> {
			@SuppressWarnings("unchecked")
			Handler<Object> handler = context.getBean(Handler.class);
			// through the interface, the call reaches the bridge method handle(Object)
			assertThatExceptionOfType(AuthenticationRequiredException.class).isThrownBy(() -> handler.handle(7L));
		});
	}

	@Test
	void composedAnnotationIsChecked() {
		this.runner.withBean(ComposedAnnotationService.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThatExceptionOfType(AuthenticationRequiredException.class)
				.isThrownBy(() -> context.getBean(ComposedAnnotationService.class).read(7));
		});
	}

	@Test
	void bodyThatCanBeFilledUnderTheKeyButNotReadBackRefusesToStart() {
		this.runner.withBean(WriteOnlyBodies.class)
			.run((context) -> assertThat(failure(context)).contains(
					"WriteOnlyBodies#setter: fetch 'event_id': request data can fill [SetterOnly.eventId]",
					"WriteOnlyBodies#creator: fetch 'event_id': request data can fill [Creator.event_id]",
					"WriteOnlyBodies#nested: fetch 'event_id': request data can fill [SetterOnly.eventId]",
					"add a getter"));
	}

	@Test
	void bodyWhoseNamesCanAllBeReadBackStarts() {
		this.runner.withBean(ReadableBodies.class).run((context) -> assertThat(context).hasNotFailed());
	}

	private static String failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof InvalidPermissionRulesException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("an InvalidPermissionRulesException").isNotNull();
		return failure.getMessage();
	}

	// every handler is GET or POST: the filter would never apply
	@RestController
	@RequiresPermissions(value = "event:delete", fetch = "event_id", methods = "DELETE")
	static class DeleteOnlyController {

		@GetMapping("/delete-only/{event_id}")
		String read(@PathVariable("event_id") long eventId) {
			return "";
		}

		@PostMapping("/delete-only/{event_id}")
		String write(@PathVariable("event_id") long eventId) {
			return "";
		}

	}

	// the sample's shape: the schedule (GET) is public, creating (POST) is checked
	@RestController
	@RequiresPermissions(value = "session:create", fetch = "event_id", methods = "POST")
	static class PostOnlyController {

		@GetMapping("/post-only/{event_id}")
		String read(@PathVariable("event_id") long eventId) {
			return "";
		}

		@PostMapping("/post-only/{event_id}")
		String write(@PathVariable("event_id") long eventId) {
			return "";
		}

	}

	@RestController
	static class WriteOnlyBodies {

		@PatchMapping("/write-only/{event_id}/setter")
		@RequiresPermissions(value = "event:update", fetch = "event_id")
		String setter(@PathVariable("event_id") long eventId, @RequestBody SetterOnly body) {
			return "";
		}

		@PatchMapping("/write-only/{event_id}/creator")
		@RequiresPermissions(value = "event:update", fetch = "event_id")
		String creator(@PathVariable("event_id") long eventId, @RequestBody Creator body) {
			return "";
		}

		@PatchMapping("/write-only/{event_id}/nested")
		@RequiresPermissions(value = "event:update", fetch = "event_id")
		String nested(@PathVariable("event_id") long eventId, @RequestBody List<Outer> body) {
			return "";
		}

	}

	@RestController
	static class ReadableBodies {

		@PatchMapping("/readable/{event_id}")
		@RequiresPermissions(value = "event:update", fetch = "event_id")
		String update(@PathVariable("event_id") long eventId, @RequestBody Readable body) {
			return "";
		}

	}

	// eventId can be written, and only "target" read back
	static class SetterOnly {

		private @Nullable Long target;

		public void setEventId(@Nullable Long eventId) {
			this.target = eventId;
		}

		public @Nullable Long getTarget() {
			return this.target;
		}

	}

	static class Creator {

		private final @Nullable Long target;

		@JsonCreator
		Creator(@JsonProperty("event_id") @Nullable Long id) {
			this.target = id;
		}

		public @Nullable Long getTarget() {
			return this.target;
		}

	}

	static class Outer {

		private @Nullable SetterOnly inner;

		public @Nullable SetterOnly getInner() {
			return this.inner;
		}

		public void setInner(@Nullable SetterOnly inner) {
			this.inner = inner;
		}

	}

	static class Readable {

		private @Nullable Long target;

		@JsonProperty("event_id")
		public @Nullable Long getTarget() {
			return this.target;
		}

		@JsonProperty("event_id")
		public void setTarget(@Nullable Long target) {
			this.target = target;
		}

	}

	interface Handler<T> {

		void handle(T id);

	}

	static class EventHandler implements Handler<Long> {

		@Override
		@RequiresPermissions(value = "event:read", fetch = "id")
		public void handle(Long id) {
		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@RequiresPermissions(value = "event:read", fetch = "eventId")
	@interface CanReadEvent {

	}

	static class ComposedAnnotationService {

		@CanReadEvent
		public void read(long eventId) {
		}

	}

}
