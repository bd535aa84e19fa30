package io.github.permissionmanager.autoconfigure;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.reactive.ReactiveGuardValidator;
import io.github.permissionmanager.reactive.ReactivePermissionProblems;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive auto-configuration: on in a reactive application only; a guarded method
 * that cannot be checked reactively stops the start with a message naming it.
 */
class PermissionReactiveAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PermissionManagerAutoConfiguration.class,
				PermissionEnforcementAutoConfiguration.class, PermissionReactiveAutoConfiguration.class))
		.withBean(PermissionEvaluator.class, () -> (request) -> Decision.deny("no"));

	@Test
	void reactiveApplicationGetsTheReactiveGuardAndItsProblemResponses() {
		this.runner.withBean(ReactiveService.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("permissionReactiveAdvisor")
				.hasSingleBean(ReactiveGuardValidator.class)
				.hasSingleBean(ReactivePermissionProblems.class));
	}

	@Test
	void exchangeIsPutInTheSubscribersContextUnlessTheApplicationDoesIt() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ServerWebExchangeContextFilter.class)
			.hasBean("permissionExchangeContextFilter"));
		this.runner.withBean("own", ServerWebExchangeContextFilter.class)
			.run((context) -> assertThat(context).hasSingleBean(ServerWebExchangeContextFilter.class)
				.doesNotHaveBean("permissionExchangeContextFilter"));
	}

	@Test
	void methodsFilterExcludingEveryVerbOfAReactiveHandlerStopsTheStart() {
		this.runner.withBean(PutOnlyHandler.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidPermissionRulesException.class)
				.hasMessageContaining("PutOnlyHandler#update: methods [PATCH]"
						+ " excludes every HTTP method the handler is mapped to [PUT]"));
	}

	@Test
	void bodyReadAfterTheCheckOfAKeyStopsTheStart() {
		this.runner.withBean(PublishedBodyHandler.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidPermissionRulesException.class)
				.hasMessageContaining(PublishedBodyHandler.class.getName() + ".update: parameter 1 (Mono)")
				.hasMessageContaining(PublishedBodyHandler.class.getName() + ".form: parameter 1 (Mono)")
				.hasMessageContaining("declare the object itself")
				.satisfies((failure) -> assertThat(failure.getMessage()).doesNotContain(".unscoped")
					.doesNotContain(".plain")
					.doesNotContain(".service")));
	}

	@Test
	void servletApplicationGetsNoneOfIt() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PermissionManagerAutoConfiguration.class,
					PermissionEnforcementAutoConfiguration.class, PermissionReactiveAutoConfiguration.class))
			.withBean(BlockingService.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("permissionReactiveAdvisor")
				.doesNotHaveBean(ReactivePermissionProblems.class));
	}

	@Test
	void guardedMethodThatIsNotReactiveStopsTheStart() {
		this.runner.withBean(BlockingService.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidPermissionRulesException.class)
				.hasMessageContaining(BlockingService.class.getName() + ".read")
				.hasMessageContaining("must return a Mono or a Flux")
				.hasMessageContaining("PermissionContext parameter is not supported"));
	}

	@Test
	void disabledProvidesNothing() {
		this.runner.withPropertyValues("permission-manager.enabled=false")
			.withBean(BlockingService.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ReactiveGuardValidator.class));
	}

	static class ReactiveService {

		@RequiresPermissions("board:read")
		public Mono<String> read() {
			return Mono.just("read");
		}

		@RequiresPermissions("board:read")
		public Flux<String> lines() {
			return Flux.just("a");
		}

	}

	static class PutOnlyHandler {

		@PutMapping("/boards/{board_id}")
		@RequiresPermissions(value = "board:update", fetch = "board_id", methods = "PATCH")
		public Mono<String> update() {
			return Mono.just("updated");
		}

	}

	static class PublishedBodyHandler {

		@PutMapping("/boards/{board_id}")
		@RequiresPermissions(value = "board:update", fetch = "board_id")
		public Mono<String> update(@PathVariable("board_id") long boardId, @RequestBody Mono<Patch> patch) {
			return Mono.just("updated");
		}

		@PostMapping("/boards/{board_id}")
		@RequiresPermissions(value = "board:update", fetch = "board_id")
		public Mono<String> form(@PathVariable("board_id") long boardId, Mono<Patch> patch) {
			return Mono.just("updated");
		}

		@PutMapping("/boards")
		@RequiresPermissions("board:update")
		public Mono<String> unscoped(@RequestBody Mono<Patch> patch) {
			return Mono.just("updated");
		}

		@PatchMapping("/boards/{board_id}")
		@RequiresPermissions(value = "board:update", fetch = "board_id")
		public Mono<String> plain(@PathVariable("board_id") long boardId, @RequestBody Patch patch) {
			return Mono.just("updated");
		}

		@RequiresPermissions(value = "board:update", fetch = "boardId")
		public Mono<String> service(long boardId, Mono<Patch> patch) {
			return Mono.just("updated");
		}

		record Patch(Long boardId, String name) {
		}

	}

	static class BlockingService {

		@RequiresPermissions("board:read")
		public String read() {
			return "read";
		}

		@RequiresPermissions("board:read")
		public Mono<String> withContext(PermissionContext context) {
			return Mono.just("read");
		}

	}

}
