package io.github.permissionmanager.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
			Map.of("session:update", new CatalogMessage("Ask an organizer.", List.of("Step one"), "help@example.org")),
			false);

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
	void withoutAProblemJsonConverterTheBodyIsWrittenPlain() throws Exception {
		PermissionProblemExceptionResolver resolver = new PermissionProblemExceptionResolver(this.problems);
		resolver.resolveException(this.request, this.response, null, denial());
		assertThat(this.response.getStatus()).isEqualTo(403);
		assertThat(this.response.getContentType()).startsWith("application/problem+json");
		assertThat(this.response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(
				"{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Ask an organizer.\","
						+ "\"instance\":\"/sessions/4\",\"missingPermissions\":[\"session:update\"],"
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
	void exceptionsOfOthersAreLeftToTheApplication() {
		PermissionProblemExceptionResolver resolver = new PermissionProblemExceptionResolver(this.problems);
		assertThat(resolver.resolveException(this.request, this.response, null, new IllegalStateException("x")))
			.isNull();
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	private static PermissionDeniedException denial() {
		return new PermissionDeniedException("bob lacks session:update", List.of("session:update"),
				Resource.of("event", 2));
	}

}
