package io.github.permissionmanager.enforce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.resolve.ResolutionPlanner;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.interceptor.AsyncExecutionInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.times;
import static org.mockito.Mockito.mock;

/**
 * The guard tells its own verdict, from inside the one interceptor: every path by which
 * the method could run without a clean allow (a listener failing on an allow or on a
 * denial, a verdict listener that cannot be found, a guarded method called from inside
 * another or from itself, an asynchronous method) leaves the method unrun, and each call
 * is heard once, for its own check.
 */
class PermissionInterceptorTests {

	private final List<String> runs = Collections.synchronizedList(new ArrayList<>());

	private final Recording verdicts = new Recording();

	private final PermissionEnforcer enforcer = mock(PermissionEnforcer.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private Service service = guarded(() -> this.verdicts);

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void anAllowIsHeardBeforeTheMethodRuns() {
		allowEverything();
		this.verdicts.onAllow = () -> assertThat(this.runs).isEmpty();
		this.service.read(1);
		assertThat(this.verdicts.heard).containsExactly("allowed read");
		assertThat(this.runs).containsExactly("read 1");
	}

	@Test
	void aMethodWithoutARuleRunsUncheckedAndIsHeardAsAllowedAsBefore() {
		this.verdicts.onAllow = () -> {
			throw new PermissionEvaluationException("listener down");
		};
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> this.service.open(1));
		assertThat(this.verdicts.heard).containsExactly("allowed open");
		assertThat(this.runs).isEmpty();
		this.verdicts.onAllow = () -> {
		};
		this.service.open(1);
		assertThat(this.runs).containsExactly("open 1");
		then(this.enforcer).shouldHaveNoInteractions();
	}

	@Test
	void afterTheFirstGuardedCallEachMethodIsStillLookedUpAndCheckedOnItsOwn() {
		denyEventDelete();
		this.service.read(1);
		this.service.open(2);
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.service.delete(3))
			.withMessage("bob lacks event:delete");
		this.service.read(4);
		assertThat(this.verdicts.heard).containsExactly("allowed read", "allowed open", "denied delete",
				"allowed read");
		assertThat(this.runs).containsExactly("read 1", "open 2", "read 4");
		then(this.enforcer).should(times(3)).enforce(any(), any());
	}

	@Test
	void aDenialIsHeardAndTheMethodDoesNotRun() {
		denyEventDelete();
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.service.delete(2))
			.withMessage("bob lacks event:delete");
		assertThat(this.verdicts.heard).containsExactly("denied delete");
		assertThat(this.runs).isEmpty();
	}

	@Test
	void nobodyAuthenticatedIsHeardAndTheMethodDoesNotRun() {
		given(this.enforcer.enforce(any(), any())).willThrow(new AuthenticationRequiredException("sign in"));
		assertThatExceptionOfType(AuthenticationRequiredException.class).isThrownBy(() -> this.service.read(1))
			.withMessage("sign in");
		assertThat(this.verdicts.heard).containsExactly("unauthenticated read");
		assertThat(this.runs).isEmpty();
	}

	@Test
	void noDecisionIsNoVerdictAndTheMethodDoesNotRun() {
		given(this.enforcer.enforce(any(), any())).willThrow(new PermissionEvaluationException("store down"));
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> this.service.read(1))
			.withMessage("store down");
		assertThat(this.verdicts.heard).isEmpty();
		assertThat(this.runs).isEmpty();
	}

	@Test
	void anAllowThatCannotBeHeardStopsTheMethod() {
		allowEverything();
		this.verdicts.onAllow = () -> {
			throw new PermissionEvaluationException("listener down");
		};
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> this.service.read(1))
			.withMessage("listener down");
		assertThat(this.runs).isEmpty();
	}

	@Test
	void aListenerThatThrowsOnADenialDoesNotLetTheMethodRun() {
		denyEventDelete();
		this.verdicts.onDeny = () -> {
			throw new IllegalStateException("listener down");
		};
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.service.delete(2))
			.withMessage("listener down");
		assertThat(this.runs).isEmpty();
	}

	@Test
	void verdictsThatCannotBeFoundFailEveryCall() {
		allowEverything();
		this.service = guarded(() -> {
			throw new IllegalStateException("two listeners of verdicts");
		});
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> this.service.read(1))
				.withMessage("Could not apply @RequiresPermissions to read")
				.havingCause()
				.withMessage("two listeners of verdicts");
		}
		this.service = guarded(() -> null);
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> this.service.read(1))
			.withMessageContaining("no listener of verdicts");
		assertThat(this.runs).isEmpty();
	}

	@Test
	void anEnforcerThatCannotBeFoundLetsNoGuardedMethodRun() {
		RuleRegistry registry = new RuleRegistry(Map.of(), new ResolutionPlanner(null));
		ProxyFactory factory = new ProxyFactory(new Service(this.runs));
		factory.setProxyTargetClass(true);
		factory.addAdvice(new PermissionInterceptor(() -> registry, () -> null, () -> this.verdicts));
		Service service = (Service) factory.getProxy();
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> service.read(1))
				.withMessage("Could not apply @RequiresPermissions to read: no enforcer");
		}
		assertThat(this.verdicts.heard).isEmpty();
		assertThat(this.runs).isEmpty();
	}

	@Test
	void aDenialInsideAnAllowedGuardedMethodIsHeardOnceForTheInnerCall() {
		denyEventDelete();
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.service.readThenDelete(3));
		assertThat(this.verdicts.heard).containsExactly("allowed readThenDelete", "denied delete");
		assertThat(this.runs).containsExactly("readThenDelete 3");
	}

	@Test
	void aGuardedMethodCallingItselfIsCheckedAndHeardOnEachCall() {
		allowEverything();
		this.service.countDown(2);
		assertThat(this.verdicts.heard).containsExactly("allowed countDown", "allowed countDown", "allowed countDown");
		assertThat(this.runs).containsExactly("countDown 2", "countDown 1", "countDown 0");
		given(this.enforcer.enforce(any(), any())).willAnswer((call) -> {
			Object[] arguments = call.getArgument(1);
			if ((int) arguments[0] == 0) {
				throw new PermissionDeniedException("bob lacks event:read", List.of("event:read"), null);
			}
			return PermissionContext.empty();
		});
		this.verdicts.heard.clear();
		this.runs.clear();
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.service.countDown(1));
		assertThat(this.verdicts.heard).containsExactly("allowed countDown", "denied countDown");
		assertThat(this.runs).containsExactly("countDown 1");
	}

	@Test
	void anAsynchronousMethodIsCheckedOnTheThreadThatRunsIt() throws Exception {
		denyEventDelete();
		Service async = guarded(() -> this.verdicts, new AsyncExecutionInterceptor(this.executor));
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> async.deleteLater(4).get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(PermissionDeniedException.class);
		this.verdicts.onAllow = () -> {
			throw new PermissionEvaluationException("listener down");
		};
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> async.readLater(5).get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(PermissionEvaluationException.class);
		assertThat(this.verdicts.heard).containsExactly("denied deleteLater", "allowed readLater");
		assertThat(this.verdicts.threads).doesNotContain(Thread.currentThread().getName());
		assertThat(this.runs).isEmpty();
		this.verdicts.onAllow = () -> {
		};
		assertThat(async.readLater(6).get(10, TimeUnit.SECONDS)).isEqualTo("read 6");
	}

	private void allowEverything() {
		given(this.enforcer.enforce(any(), any())).willReturn(PermissionContext.empty());
	}

	private void denyEventDelete() {
		given(this.enforcer.enforce(any(), any())).willAnswer((call) -> {
			PermissionRule rule = call.getArgument(0);
			if (rule.permissions().contains("event:delete")) {
				throw new PermissionDeniedException("bob lacks event:delete", List.of("event:delete"),
						Resource.of("event", 2));
			}
			return PermissionContext.empty();
		});
	}

	private Service guarded(Supplier<GuardVerdicts> verdicts, AsyncExecutionInterceptor... before) {
		RuleRegistry registry = new RuleRegistry(Map.of(), new ResolutionPlanner(null));
		Service target = new Service(this.runs);
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		for (AsyncExecutionInterceptor interceptor : before) {
			factory.addAdvice(interceptor);
		}
		factory.addAdvice(new PermissionInterceptor(() -> registry, () -> this.enforcer, verdicts));
		Service proxy = (Service) factory.getProxy();
		target.self = proxy;
		return proxy;
	}

	public static class Service {

		private final List<String> runs;

		Service self = this;

		Service(List<String> runs) {
			this.runs = runs;
		}

		public Service() {
			this(List.of());
		}

		@RequiresPermissions(value = "event:read", fetch = "eventId")
		public void read(long eventId) {
			this.runs.add("read " + eventId);
		}

		public void open(long eventId) {
			this.runs.add("open " + eventId);
		}

		@RequiresPermissions(value = "event:delete", fetch = "eventId")
		public void delete(long eventId) {
			this.runs.add("delete " + eventId);
		}

		@RequiresPermissions(value = "event:read", fetch = "eventId")
		public void readThenDelete(long eventId) {
			this.runs.add("readThenDelete " + eventId);
			this.self.delete(eventId);
		}

		@RequiresPermissions(value = "event:read", fetch = "eventId")
		public void countDown(int eventId) {
			this.runs.add("countDown " + eventId);
			if (eventId > 0) {
				this.self.countDown(eventId - 1);
			}
		}

		@RequiresPermissions(value = "event:read", fetch = "eventId")
		public CompletableFuture<String> readLater(long eventId) {
			this.runs.add("read " + eventId);
			return CompletableFuture.completedFuture("read " + eventId);
		}

		@RequiresPermissions(value = "event:delete", fetch = "eventId")
		public CompletableFuture<String> deleteLater(long eventId) {
			this.runs.add("delete " + eventId);
			return CompletableFuture.completedFuture("deleted " + eventId);
		}

	}

	/** Records what it hears, and where; may fail on an allow or a denial. */
	private static final class Recording implements GuardVerdicts {

		final List<String> heard = Collections.synchronizedList(new ArrayList<>());

		final List<String> threads = Collections.synchronizedList(new ArrayList<>());

		Runnable onAllow = () -> {
		};

		Runnable onDeny = () -> {
		};

		@Override
		public void allowed(MethodInvocation invocation) {
			hear("allowed", invocation);
			this.onAllow.run();
		}

		@Override
		public void denied(MethodInvocation invocation, PermissionDeniedException denial) {
			hear("denied", invocation);
			this.onDeny.run();
		}

		@Override
		public void unauthenticated(MethodInvocation invocation, AuthenticationRequiredException denial) {
			hear("unauthenticated", invocation);
			this.onDeny.run();
		}

		private void hear(String verdict, MethodInvocation invocation) {
			this.heard.add(verdict + " " + invocation.getMethod().getName());
			this.threads.add(Thread.currentThread().getName());
		}

	}

}
