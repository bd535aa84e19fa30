package io.github.permissionmanager.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.ConnectionRequiredException;
import io.github.permissionmanager.MissingConnection;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Resource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionProblemExceptionResolverTests {

	private final PermissionProblems problems = new PermissionProblems(
			Map.of("session:update", new CatalogMessage("Ask an organizer.", List.of("Step one"), "help@example.org")));

	private final MockHttpServletRequest request = new MockHttpServletRequest("PATCH", "/sessions/4");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void denialIsWrittenWithTheApplicationsConverterAndItsFormatting() throws Exception {
		List<HttpMessageConverter<?>> converters = List
			.of(new JacksonJsonHttpMessageConverter(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)));
		PermissionProblemExceptionResolver resolver = new PermissionProblemExceptionResolver(this.problems,
				() -> converters);
		resolver.resolveException(this.request, this.response, null, denial());
		String body = this.response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(body).contains("\n")
			.contains("\"missingPermissions\"")
			.contains("\"session:update\"")
			.contains("\"supportContact\"")
			.contains("\"instance\"")
			.contains("/sessions/4")
			.doesNotContain("\"properties\"");
	}

	@Test
	void withoutAProblemJsonConverterTheBodyIsWrittenWithSpringsJacksonConverter() throws Exception {
		PermissionProblemExceptionResolver resolver = new PermissionProblemExceptionResolver(this.problems);
		resolver.resolveException(this.request, this.response, null, denial());
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(this.response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(
				"{\"detail\":\"Ask an organizer.\",\"instance\":\"/sessions/4\",\"status\":403,\"title\":\"Forbidden\","
						+ "\"missingPermissions\":[\"session:update\"],"
						+ "\"resource\":{\"type\":\"event\",\"id\":\"2\"},\"resolutionSteps\":[\"Step one\"],"
						+ "\"supportContact\":\"help@example.org\"}");
	}

	@Test
	void evaluationFailureIs503WithoutClassNamesWhicheverWriterIsUsed() throws Exception {
		List<HttpMessageConverter<?>> converters = List.of(new JacksonJsonHttpMessageConverter());
		PermissionProblemExceptionResolver resolver = new PermissionProblemExceptionResolver(this.problems,
				() -> converters);
		resolver.resolveException(this.request, this.response, null, new PermissionEvaluationException(
				"Could not decide", new IllegalStateException("java.sql.SQLException: connection refused")));
		String body = this.response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(this.response.getStatus()).isEqualTo(503);
		assertThat(body).contains("could not be completed").doesNotContain("Exception").doesNotContain("java.");
	}

	@Test
	void aMissingConnectionIsA403NamingItWithWhereToSignInAndTheCatalogsText() throws Exception {
		PermissionProblemExceptionResolver resolver = new PermissionProblemExceptionResolver(this.problems);
		resolver.resolveException(this.request, this.response, null,
				new ConnectionRequiredException("bob lacks slack",
						List.of(new MissingConnection("slack", List.of("channels:read"), "/oauth2/authorization/slack",
								"missing scope: channels:read", "Access to Slack channels is required",
								List.of("Click 'Grant Access'", "Confirm permissions"), "support@airtrain.dev",
								"Posts the schedule to your channels", "Nothing read from Slack is kept"))));
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("{\"detail\":\"Access to Slack channels is required\",\"instance\":\"/sessions/4\","
					+ "\"status\":403,\"title\":\"Forbidden\","
					+ "\"missingConnections\":[{\"name\":\"slack\",\"missingScopes\":[\"channels:read\"],"
					+ "\"signInUrl\":\"/oauth2/authorization/slack\",\"technicalDetail\":\"missing scope: channels:read\","
					+ "\"usage\":\"Posts the schedule to your channels\",\"dataManagement\":\"Nothing read from Slack is kept\"}],"
					+ "\"resolutionSteps\":[\"Click 'Grant Access'\",\"Confirm permissions\"],"
					+ "\"supportContact\":\"support@airtrain.dev\"}");
	}

	@Test
	void aPermissionsTechnicalDetailIsShownWithTheDenial() throws Exception {
		PermissionProblemExceptionResolver resolver = new PermissionProblemExceptionResolver(
				new PermissionProblems(Map.of("session:update", new CatalogMessage("Ask an organizer.", List.of(), null,
						null, null, null, "needs session:update on the session's event"))));
		resolver.resolveException(this.request, this.response, null, denial());
		assertThat(this.response.getContentAsString(StandardCharsets.UTF_8))
			.contains("\"technicalDetail\":\"needs session:update on the session's event\"");
	}

	@Test
	void exceptionsOfOthersAreLeftToTheApplication() {
		PermissionProblemExceptionResolver resolver = new PermissionProblemExceptionResolver(this.problems);
		assertThat(resolver.resolveException(this.request, this.response, null, new IllegalStateException("x")))
			.isNull();
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void requestUriThatJavaNetUriRejectsIsEncodedNotA500() throws Exception {
		// Tomcat's relaxed-path-chars let such URIs reach the application
		MockHttpServletRequest relaxed = new MockHttpServletRequest("GET", "/sessions/by-title/a|b{c}\\d^e");
		for (PermissionProblemExceptionResolver resolver : List
			.of(new PermissionProblemExceptionResolver(this.problems), new PermissionProblemExceptionResolver(
					this.problems, () -> List.of(new JacksonJsonHttpMessageConverter())))) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			assertThat(resolver.resolveException(relaxed, response, null, denial())).isNotNull();
			assertThat(response.getStatus()).isEqualTo(403);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8))
				.contains("/sessions/by-title/a%7Cb%7Bc%7D%5Cd%5Ee");
		}
	}

	@Test
	void converterThatFailsDegradesToAMinimalProblemWithTheSameStatus() throws Exception {
		HttpMessageConverter<Object> broken = new HttpMessageConverter<>() {

			@Override
			public boolean canRead(Class<?> type, org.springframework.http.MediaType mediaType) {
				return false;
			}

			@Override
			public boolean canWrite(Class<?> type, org.springframework.http.MediaType mediaType) {
				return true;
			}

			@Override
			public List<org.springframework.http.MediaType> getSupportedMediaTypes() {
				return List.of(org.springframework.http.MediaType.ALL);
			}

			@Override
			public Object read(Class<?> type, org.springframework.http.HttpInputMessage input) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void write(Object object, org.springframework.http.MediaType contentType,
					org.springframework.http.HttpOutputMessage output) {
				throw new IllegalStateException("serializer exploded at com.example.Secret");
			}

		};
		PermissionProblemExceptionResolver resolver = new PermissionProblemExceptionResolver(this.problems,
				() -> List.of(broken));
		assertThat(resolver.resolveException(this.request, this.response, null, denial())).isNotNull();
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(this.response.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("{\"title\":\"Forbidden\",\"status\":403}");
	}

	@Test
	void problemBuilderThatFailsDegradesToAMinimalProblemForEachOfOurExceptions() throws Exception {
		PermissionProblems failing = new PermissionProblems(Map.of()) {

			@Override
			public org.springframework.http.ProblemDetail problemFor(Exception ex) {
				throw new IllegalStateException("catalog exploded");
			}

		};
		PermissionProblemExceptionResolver resolver = new PermissionProblemExceptionResolver(failing);
		Map<Exception, Integer> statuses = Map.of(denial(), 403,
				new io.github.permissionmanager.AuthenticationRequiredException("x"), 401,
				new io.github.permissionmanager.PermissionContextException(
						io.github.permissionmanager.PermissionContextException.Reason.NOT_FOUND, null, "x"),
				404, new PermissionEvaluationException("x"), 503);
		for (Map.Entry<Exception, Integer> entry : statuses.entrySet()) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			assertThat(resolver.resolveException(this.request, response, null, entry.getKey())).isNotNull();
			assertThat(response.getStatus()).isEqualTo(entry.getValue());
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("exploded");
		}
		assertThat(resolver.resolveException(this.request, new MockHttpServletResponse(), null,
				new IllegalStateException("not ours")))
			.isNull();
	}

	private static PermissionDeniedException denial() {
		return new PermissionDeniedException("bob lacks session:update", List.of("session:update"),
				Resource.of("event", 2));
	}

}
