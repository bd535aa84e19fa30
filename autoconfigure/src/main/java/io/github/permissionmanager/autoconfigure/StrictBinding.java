package io.github.permissionmanager.autoconfigure;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.core.env.Environment;

/**
 * Strict binding of the named entries of Permission Manager's configuration. Boot binds
 * the entries of a map leniently, so a misspelled key of a rule ({@code methds}) would be
 * dropped and the rule would check every verb. Binding the same keys again with
 * {@link NoUnboundElementsBindHandler} makes it a startup failure that names the key and
 * where it was written, reported by Boot's own failure analysis.
 */
final class StrictBinding {

	private StrictBinding() {
	}

	/**
	 * Fail when a key under a name binds to nothing of the target.
	 * @param environment the environment holding the configuration
	 * @param name the name of the map ({@code permission-manager.rules})
	 * @param target the map's type
	 * @throws org.springframework.boot.context.properties.bind.BindException naming the
	 * unknown keys
	 */
	static void requireKnownKeys(Environment environment, String name, Bindable<?> target) {
		Binder.get(environment).bind(name, target, new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
	}

}
