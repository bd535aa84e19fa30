package io.github.permissionmanager.resolve;

import java.util.List;

/**
 * Where one key's value may come from for one method, planned at startup (see
 * {@link SourcePolicy}).
 *
 * @param key the key ({@code fetch} key, {@code fetch-key-url} or SpEL variable name)
 * @param argumentIndex the index of the argument the key names, or {@code -1}
 * @param parameterDeclared whether the method's mapping requires the key as a request
 * parameter ({@code params = "event_id"}), which makes an undeclared parameter a source
 * @param boundArguments the indexes of the arguments Spring MVC fills from request data
 * into an object (form, body, part, entity), which must agree with the value
 * @param boundNames the names under which those objects can carry the key
 */
public record KeySource(String key, int argumentIndex, boolean parameterDeclared, List<Integer> boundArguments,
		BoundNames boundNames) {

	public KeySource {
		boundArguments = List.copyOf(boundArguments);
	}

	/**
	 * Whether the key names an argument of the method.
	 * @return whether the argument is the key's only source
	 */
	public boolean declared() {
		return this.argumentIndex >= 0;
	}

}
