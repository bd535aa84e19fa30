package io.github.permissionmanager.reactive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionContextException.Reason;
import io.github.permissionmanager.resolve.RequestValues;
import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@link RequestValues} over a WebFlux {@link ServerWebExchange}: the URI template
 * variables its handler mapping extracted, its query parameters, its headers and its
 * attributes.
 * <p>
 * A request parameter is a query parameter only. That is what WebFlux's
 * {@code @RequestParam} reads (unlike Spring MVC's, it never reads form fields), and the
 * body is left for the handler: reading form data here could consume a body the handler
 * has not read yet. A form field bound into a {@code @ModelAttribute} object still has to
 * agree with the value the check reads.
 */
final class ExchangeRequestValues implements RequestValues {

	private final ServerWebExchange exchange;

	ExchangeRequestValues(ServerWebExchange exchange) {
		this.exchange = exchange;
	}

	@Override
	public String httpMethod() {
		return this.exchange.getRequest().getMethod().name();
	}

	@Override
	public @Nullable String uriVariable(String name) {
		return uriVariables().get(name);
	}

	@Override
	public @Nullable String parameter(String name) {
		List<String> values = this.exchange.getRequest().getQueryParams().get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			// the check and the handler could read different copies: refuse rather than
			// guess
			throw new PermissionContextException(Reason.INVALID_VALUE, null,
					"Request parameter '" + name + "' is given " + values.size() + " times");
		}
		return values.get(0);
	}

	@Override
	public @Nullable String header(String name) {
		List<String> values = this.exchange.getRequest().getHeaders().get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			// a reader of the first copy and a reader of all of them would disagree
			throw new PermissionContextException(Reason.INVALID_VALUE, null,
					"Request header '" + name + "' is given " + values.size() + " times");
		}
		return values.get(0);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Map<String, String> uriVariables() {
		Object variables = this.exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return (variables instanceof Map<?, ?> map) ? (Map<String, String>) map : Map.of();
	}

	@Override
	public Map<String, List<String>> parameters() {
		MultiValueMap<String, String> parameters = this.exchange.getRequest().getQueryParams();
		return parameters.isEmpty() ? Map.of() : new LinkedHashMap<>(parameters);
	}

	@Override
	public @Nullable Object getAttribute(String name) {
		return this.exchange.getAttribute(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		this.exchange.getAttributes().put(name, value);
	}

}
