package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules found by the method objects calls hand over: exactly that object and target
 * class find what was added for them, never another's, however many are added, and the
 * table stops growing at its bound.
 */
class CallRulesTests {

	private final CallRules calls = new CallRules();

	@Test
	void onlyTheSameMethodObjectAndTargetClassFindWhatWasAdded() throws Exception {
		Method update = Service.class.getMethod("update");
		Object rule = new Object();
		this.calls.add(update, Service.class, rule);
		assertThat(this.calls.get(update, Service.class)).isSameAs(rule);
		// an equal Method object is another call's: it is looked up by Method.equals
		assertThat(this.calls.get(Service.class.getMethod("update"), Service.class)).isNull();
		assertThat(this.calls.get(update, Other.class)).isNull();
		assertThat(this.calls.get(Service.class.getMethod("read"), Service.class)).isNull();
	}

	@Test
	void theFirstAdditionStays() throws Exception {
		Method update = Service.class.getMethod("update");
		Object first = new Object();
		this.calls.add(update, Service.class, first);
		this.calls.add(update, Service.class, new Object());
		assertThat(this.calls.get(update, Service.class)).isSameAs(first);
	}

	@Test
	void everyEntryIsFoundAfterTheTableGrowsAndNonePastTheBound() throws Exception {
		List<Method> methods = new ArrayList<>();
		List<Object> rules = new ArrayList<>();
		for (int i = 0; i < CallRules.MAX_ENTRIES + 10; i++) {
			// a copy per entry: distinct objects of the same method, each its own key
			Method method = (i % 2 == 0) ? Service.class.getMethod("update") : Service.class.getMethod("read");
			Object rule = new Object();
			methods.add(method);
			rules.add(rule);
			this.calls.add(method, (i % 3 == 0) ? Other.class : Service.class, rule);
		}
		for (int i = 0; i < methods.size(); i++) {
			Object found = this.calls.get(methods.get(i), (i % 3 == 0) ? Other.class : Service.class);
			if (i < CallRules.MAX_ENTRIES) {
				assertThat(found).as("entry %d", i).isSameAs(rules.get(i));
			}
			else {
				assertThat(found).as("entry %d", i).isNull();
			}
		}
	}

	static class Service {

		public void update() {
		}

		public void read() {
		}

	}

	static class Other extends Service {

	}

}
