package io.github.permissionmanager.console;

import java.util.List;

import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which refusals of a console page become pages: a denial (403) and a check that could
 * not be completed (503), for a browser asking a console controller; everything else is
 * left to Permission Manager's problem resolver.
 */
class ConsoleRefusalPagesTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final ConsoleRefusalPages pages = new ConsoleRefusalPages("/console");

	private final HandlerMethod console = new HandlerMethod(new ConsoleAssetsController(),
			ReflectionUtils.findMethod(ConsoleAssetsController.class, "styleSheet"));

	private final PermissionDeniedException denied = new PermissionDeniedException("denied",
			List.of("permissions:admin"), null);

	@Test
	void aBrowserDeniedIsShownTheForbiddenPage() {
		ModelAndView page = resolve(BROWSER, this.console, this.denied);
		assertThat(page).isNotNull();
		assertThat(page.getViewName()).isEqualTo("permission-manager-console/forbidden");
		assertThat(page.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(page.getModel()).containsEntry("base", "/console");
	}

	@Test
	void aBrowserWhoseCheckFailedIsShownTheUnavailablePage() {
		ModelAndView page = resolve(BROWSER, this.console, new PermissionEvaluationException("store down"));
		assertThat(page).isNotNull();
		assertThat(page.getViewName()).isEqualTo("permission-manager-console/unavailable");
		assertThat(page.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void apiClientsOtherControllersAndOtherExceptionsAreLeftAlone() {
		for (String accept : new String[] { null, "", "*/*", "application/json", "application/problem+json",
				"application/json, text/html;q=0.5", "text/html;q=0", "not a media type" }) {
			assertThat(resolve(accept, this.console, this.denied)).as(accept).isNull();
		}
		HandlerMethod other = new HandlerMethod(new Object(), ReflectionUtils.findMethod(Object.class, "toString"));
		assertThat(resolve(BROWSER, other, this.denied)).isNull();
		assertThat(resolve(BROWSER, null, this.denied)).isNull();
		assertThat(resolve(BROWSER, this.console, new IllegalStateException("x"))).isNull();
	}

	@Test
	void aCommittedResponseIsLeftAlone() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/grantees");
		request.addHeader("Accept", BROWSER);
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setCommitted(true);
		assertThat(this.pages.resolveException(request, response, this.console, this.denied)).isNull();
	}

	private ModelAndView resolve(String accept, Object handler, Exception ex) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/grantees");
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		return this.pages.resolveException(request, new MockHttpServletResponse(), handler, ex);
	}

}
