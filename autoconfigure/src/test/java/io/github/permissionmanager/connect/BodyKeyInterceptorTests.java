package io.github.permissionmanager.connect;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import io.github.permissionmanager.ConnectionCredentialsException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@link BodyKeyInterceptor} sends, and what it refuses to send at all.
 */
class BodyKeyInterceptorTests {

	private final BodyKeyInterceptor interceptor = new BodyKeyInterceptor("forecast", "api_key", "k&y=1");

	private final AtomicReference<HttpRequest> sentRequest = new AtomicReference<>();

	private final AtomicReference<String> sentBody = new AtomicReference<>();

	private final ClientHttpRequestExecution execution = (request, body) -> {
		this.sentRequest.set(request);
		this.sentBody.set(new String(body, StandardCharsets.UTF_8));
		return new MockClientHttpResponse(new byte[0], HttpStatus.OK);
	};

	@Test
	void theKeyIsAnEncodedFieldOfAFormAndTheLengthFollows() throws IOException {
		send("application/x-www-form-urlencoded", "city=Lyon");
		assertThat(this.sentBody.get()).isEqualTo("city=Lyon&api_key=k%26y%3D1");
		assertThat(this.sentRequest.get().getHeaders().getContentLength()).isEqualTo(this.sentBody.get().length());
		send("application/x-www-form-urlencoded;charset=UTF-8", "");
		assertThat(this.sentBody.get()).isEqualTo("api_key=k%26y%3D1");
	}

	@Test
	void theKeyIsAMemberOfAJsonObject() throws IOException {
		send("application/json", "{\"city\":\"Lyon\"}");
		assertThat(this.sentBody.get()).isEqualTo("{\"city\":\"Lyon\",\"api_key\":\"k&y=1\"}");
		send("application/vnd.api+json", "{}");
		assertThat(this.sentBody.get()).isEqualTo("{\"api_key\":\"k&y=1\"}");
	}

	@Test
	void aBodyThatAlreadyNamesTheFieldIsRefused() {
		refused("application/x-www-form-urlencoded", "city=Lyon&api_key=theirs");
		refused("application/x-www-form-urlencoded", "city=Lyon&api%5Fkey=theirs");
		refused("application/x-www-form-urlencoded", "api_key");
		refused("application/json", "{\"city\":\"Lyon\",\"api_key\":\"theirs\"}");
		refused("application/json", "{\"api_key\":\"a\",\"api_key\":\"b\"}");
	}

	@Test
	void aBodyTheKeyCannotGoIntoIsRefusedAndNothingIsSent() {
		refused(null, "");
		refused("text/plain", "api_key=mine");
		refused("application/octet-stream", "x");
		refused("application/x-www-form-urlencoded", "city=%zz");
		refused("application/x-www-form-urlencoded", "city=Lyon%");
		refused("application/x-www-form-urlencoded", "ci%zzty=Lyon");
		refused("application/json", "[1,2]");
		refused("application/json", "\"text\"");
		refused("application/json", "{not json");
		refused("application/json", "");
		refused("application/json;charset=UTF-16", "{}");
	}

	private void send(String contentType, String body) throws IOException {
		this.interceptor.intercept(request(contentType), body.getBytes(StandardCharsets.UTF_8), this.execution);
	}

	private void refused(String contentType, String body) {
		this.sentRequest.set(null);
		assertThatExceptionOfType(ConnectionCredentialsException.class)
			.isThrownBy(() -> this.interceptor.intercept(request(contentType), body.getBytes(StandardCharsets.UTF_8),
					this.execution))
			.withMessageContaining("'forecast'")
			.withMessageNotContaining("k&y=1");
		assertThat(this.sentRequest.get()).as("%s %s", contentType, body).isNull();
	}

	private static HttpRequest request(String contentType) {
		MockClientHttpRequest request = new MockClientHttpRequest(HttpMethod.POST, URI.create("https://api.example/f"));
		if (contentType != null) {
			request.getHeaders().set(HttpHeaders.CONTENT_TYPE, contentType);
		}
		return request;
	}

}
