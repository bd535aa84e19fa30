package io.github.permissionmanager.resolve;

import java.util.List;
import java.util.Optional;

import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionContextException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * The one answer to "where does this key's value come from?" (DESIGN.md section 10): what
 * a check reads is what the method uses.
 * <ol>
 * <li>A key that names an argument of the method is read from that argument alone;
 * {@code null} (or an empty {@code Optional}) is missing, never a fall-back to the URI or
 * the query string.</li>
 * <li>Otherwise a URI template variable of the current request, then a request parameter
 * the method's mapping requires ({@code params}). A request parameter that the method
 * does not declare is never a source.</li>
 * <li>A key the request carries both as a URI template variable and as a request
 * parameter (query string or form field), or as a parameter given more than once, is
 * ambiguous: 400, whichever source the method reads, since Spring's data binder and the
 * method's arguments may read different ones.</li>
 * <li>A bound form or body object ({@code @ModelAttribute}, {@code @RequestBody},
 * {@code @RequestPart}, an {@code HttpEntity}, a map of every parameter) that carries the
 * key, at the top or nested as {@link BoundNames} says, must carry the same value, else
 * 400.</li>
 * </ol>
 * Model lookups come after these and are sequenced by {@link ContextResolver}.
 */
public final class SourcePolicy {

	private SourcePolicy() {
	}

	/**
	 * The value of a key in a call.
	 * @param source where the key may come from
	 * @param arguments the call's arguments
	 * @param request the current request, or {@code null} outside one
	 * @return the value, or {@code null} when the key is missing
	 * @throws PermissionContextException when the request carries the key ambiguously, or
	 * a bound object disagrees with the value
	 */
	public static @Nullable Object value(KeySource source, @Nullable Object[] arguments,
			@Nullable RequestValues request) {
		String key = source.key();
		String uriVariable = null;
		String parameter = null;
		if (request != null) {
			uriVariable = request.uriVariable(key);
			// throws when the parameter is given more than once
			parameter = request.parameter(key);
			if (uriVariable != null && parameter != null) {
				throw new PermissionContextException(Reason.INVALID_VALUE, null,
						"'" + key + "' is both a URI template variable and a request parameter");
			}
		}
		Object value;
		if (source.declared()) {
			value = (arguments != null && source.argumentIndex() < arguments.length) ? arguments[source.argumentIndex()]
					: null;
			if (value instanceof Optional<?> optional) {
				// an Optional argument is its value, or missing
				value = optional.orElse(null);
			}
		}
		else if (uriVariable != null) {
			value = uriVariable;
		}
		else {
			value = source.parameterDeclared() ? parameter : null;
		}
		if (value != null) {
			agree(source, value, arguments);
		}
		return value;
	}

	/**
	 * Check that every bound form or body object that carries a key agrees with its
	 * value.
	 * @param source where the key may come from
	 * @param value the value the check reads
	 * @param arguments the call's arguments
	 * @throws PermissionContextException when one carries another value
	 */
	public static void agree(KeySource source, Object value, @Nullable Object[] arguments) {
		List<Integer> bound = source.boundArguments();
		// indexed, and nothing to do for the usual key without bound objects: no iterator
		for (int i = 0; i < bound.size(); i++) {
			int index = bound.get(i);
			Object object = (arguments != null && index < arguments.length) ? arguments[index] : null;
			BoundObjects.agree(object, source.boundNames(), value, source.key());
		}
	}

}
