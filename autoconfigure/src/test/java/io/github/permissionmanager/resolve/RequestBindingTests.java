package io.github.permissionmanager.resolve;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bound request is read on the thread that bound it, also when it is the first request
 * ever bound (until then no thread reads the binding at all), and not on other threads.
 * Each test loads the binding afresh, so "never bound before" is true for it whatever
 * other tests of this JVM did.
 */
class RequestBindingTests {

	@Test
	void theFirstRequestEverBoundIsReadOnItsThreadAndRestored() throws Exception {
		Fresh fresh = new Fresh();
		assertThat(fresh.current()).isNull();
		Object request = fresh.request();
		Object previous = fresh.bind(request);
		assertThat(previous).isNull();
		assertThat(fresh.current()).isSameAs(request);
		Object[] elsewhere = { "unread" };
		Thread other = new Thread(() -> elsewhere[0] = fresh.currentQuietly());
		other.start();
		other.join();
		assertThat(elsewhere[0]).isNull();
		fresh.restore(previous);
		assertThat(fresh.current()).isNull();
	}

	@Test
	void aNestedBindingIsReadAndTheOuterOneRestored() throws Exception {
		Fresh fresh = new Fresh();
		Object outer = fresh.request();
		Object inner = fresh.request();
		Object none = fresh.bind(outer);
		Object previous = fresh.bind(inner);
		assertThat(previous).isSameAs(outer);
		assertThat(fresh.current()).isSameAs(inner);
		fresh.restore(previous);
		assertThat(fresh.current()).isSameAs(outer);
		fresh.restore(none);
		assertThat(fresh.current()).isNull();
	}

	/**
	 * RequestBinding and RequestValues loaded by a class loader of their own: their
	 * static state is new.
	 */
	private static final class Fresh extends ClassLoader {

		private final Class<?> values;

		private final Class<?> binding;

		Fresh() throws Exception {
			super(RequestBindingTests.class.getClassLoader());
			this.values = loadClass(RequestValues.class.getName());
			this.binding = loadClass(RequestBinding.class.getName());
			assertThat(this.binding.getClassLoader()).isSameAs(this);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (!name.startsWith(RequestValues.class.getName()) && !name.equals(RequestBinding.class.getName())) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded != null) {
					return loaded;
				}
				try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
					byte[] bytes = in.readAllBytes();
					return defineClass(name, bytes, 0, bytes.length);
				}
				catch (Exception ex) {
					throw new ClassNotFoundException(name, ex);
				}
			}
		}

		Object request() {
			return Proxy.newProxyInstance(this, new Class<?>[] { this.values }, (proxy, method, args) -> {
				// only told apart by identity (and printed when an assertion fails)
				return switch (method.getName()) {
					case "toString" -> "request@" + System.identityHashCode(proxy);
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> throw new UnsupportedOperationException(method.getName());
				};
			});
		}

		Object bind(Object request) throws Exception {
			return this.binding.getMethod("bind", this.values).invoke(null, request);
		}

		void restore(Object previous) throws Exception {
			this.binding.getMethod("restore", this.values).invoke(null, previous);
		}

		Object current() throws Exception {
			Method current = this.binding.getDeclaredMethod("current");
			current.setAccessible(true);
			return current.invoke(null);
		}

		Object currentQuietly() {
			try {
				return current();
			}
			catch (Exception ex) {
				return ex;
			}
		}

	}

}
