package io.github.permissionmanager.console;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A browser refused a console page is shown a page, not a JSON problem: a signed-in user
 * without the console's permission gets a 403 page saying so, and a permission check that
 * cannot be completed a 503 page saying to try again. Only for the console's own
 * controllers, and only when the request prefers {@code text/html} over JSON; every other
 * client (and every other controller) keeps Permission Manager's
 * {@code application/problem+json}. Either way the page does not run.
 * <p>
 * Runs ahead of Permission Manager's problem resolver, which is ordered
 * {@link Ordered#HIGHEST_PRECEDENCE} too: a {@link PriorityOrdered} resolver is sorted
 * before every merely {@link Ordered} one.
 */
class ConsoleRefusalPages implements HandlerExceptionResolver, PriorityOrdered {

	private static final Set<Class<?>> CONSOLE = Set.of(GranteesController.class, ResourcesController.class,
			ExplainController.class, AuditController.class, RulesController.class, ConsoleAssetsController.class);

	private final String base;

	ConsoleRefusalPages(String base) {
		Assert.hasText(base, "base cannot be empty");
		this.base = base;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(handler instanceof HandlerMethod method) || !CONSOLE.contains(method.getBeanType())
				|| response.isCommitted() || !prefersHtml(request)) {
			return null;
		}
		if (ex instanceof PermissionDeniedException) {
			return page(response, HttpStatus.FORBIDDEN, "permission-manager-console/forbidden");
		}
		if (ex instanceof PermissionEvaluationException) {
			return page(response, HttpStatus.SERVICE_UNAVAILABLE, "permission-manager-console/unavailable");
		}
		return null;
	}

	private ModelAndView page(HttpServletResponse response, HttpStatus status, String view) {
		response.resetBuffer();
		return new ModelAndView(view, Map.of("base", this.base), status);
	}

	// what a browser sends for a page (text/html first, */* after it); an Accept naming
	// JSON, or none at all, keeps the problem
	static boolean prefersHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.getQualityValue() == 0) {
				continue;
			}
			if (type.isWildcardType()) {
				return false;
			}
			if (MediaType.TEXT_HTML.equalsTypeAndSubtype(type)
					|| MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(type)) {
				return true;
			}
			if (type.getSubtype().contains("json")) {
				return false;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
