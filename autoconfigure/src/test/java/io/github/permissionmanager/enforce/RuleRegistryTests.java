package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.resolve.ResolutionPlanner;
import org.junit.jupiter.api.Test;

import org.springframework.aop.TargetClassAware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rules found by the method object a call hands over, which is not the one registered at
 * startup: the same rule every time, a method without one never guarded by another's, and
 * a rule that does not parse failing every call.
 */
class RuleRegistryTests {

	private final RuleRegistry registry = new RuleRegistry(Map.of(), new ResolutionPlanner(null));

	@Test
	void anotherMethodObjectOfARegisteredMethodFindsItsRuleEveryTime() throws Exception {
		List<String> problems = new ArrayList<>();
		this.registry.register(Service.class.getMethod("update", long.class), Service.class, problems);
		assertThat(problems).isEmpty();
		// getMethod copies: a proxy's Method is another object than the one registered
		Method call = Service.class.getMethod("update", long.class);
		PermissionRule rule = this.registry.get(call, Service.class);
		assertThat(rule).isNotNull();
		assertThat(rule.permissions()).containsExactly("event:update");
		assertThat(this.registry.get(call, Service.class)).isSameAs(rule);
		assertThat(this.registry.get(Service.class.getMethod("update", long.class), Service.class)).isSameAs(rule);
	}

	@Test
	void methodsAreNotTakenForEachOther() throws Exception {
		Method update = Service.class.getMethod("update", long.class);
		Method read = Service.class.getMethod("read", long.class);
		Method open = Service.class.getMethod("open");
		assertThat(this.registry.get(open, Service.class)).isNull();
		assertThat(this.registry.get(update, Service.class).permissions()).containsExactly("event:update");
		assertThat(this.registry.get(read, Service.class).permissions()).containsExactly("event:read");
		assertThat(this.registry.get(open, Service.class)).isNull();
		assertThat(this.registry.get(update, Service.class).permissions()).containsExactly("event:update");
	}

	@Test
	void aRuleThatDoesNotParseFailsEveryCall() throws Exception {
		Method broken = Service.class.getMethod("broken");
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(InvalidPermissionRulesException.class)
				.isThrownBy(() -> this.registry.get(broken, Service.class));
		}
	}

	@Test
	void targetObjectsAreFoundByTheirTargetClass() throws Exception {
		Method update = Service.class.getMethod("update", long.class);
		for (int i = 0; i < 2; i++) {
			assertThat(this.registry.get(update, new Service()).permissions()).containsExactly("event:update");
			assertThat(this.registry.get(update, new Strict()).permissions()).containsExactly("event:delete");
		}
	}

	@Test
	void targetThatNamesItsOwnTargetClassIsAskedOnEveryCall() throws Exception {
		Method update = Service.class.getMethod("update", long.class);
		// one class, instances of other target classes (a proxy over another proxy)
		for (int i = 0; i < 2; i++) {
			assertThat(this.registry.get(update, new Named(Service.class)).permissions())
				.containsExactly("event:update");
			assertThat(this.registry.get(update, new Named(Strict.class)).permissions())
				.containsExactly("event:delete");
		}
	}

	record Named(Class<?> getTargetClass) implements TargetClassAware {

	}

	public static class Strict extends Service {

		@Override
		@RequiresPermissions(value = "event:delete", fetch = "eventId")
		public void update(long eventId) {
		}

	}

	public static class Service {

		@RequiresPermissions(value = "event:update", fetch = "eventId")
		public void update(long eventId) {
		}

		@RequiresPermissions(value = "event:read", fetch = "eventId")
		public void read(long eventId) {
		}

		public void open() {
		}

		@RequiresPermissions(rule = "no-such-rule")
		public void broken() {
		}

	}

}
