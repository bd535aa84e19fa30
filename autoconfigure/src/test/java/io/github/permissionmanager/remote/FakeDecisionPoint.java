package io.github.permissionmanager.remote;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.github.permissionmanager.ConsistencyToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * A decision point answered in memory, behind a {@link RestClient}: it allows a check
 * whose resource key is even, names in each reason the user, action, resource key and
 * context it was asked, refuses a bulk of more checks than its limit with 400 as the real
 * one does (the reason names the resource as sent too), and records every request (path,
 * number of checks, consistency asked).
 */
final class FakeDecisionPoint implements ClientHttpRequestFactory {

	private final JsonMapper json = JsonMapper.builder().build();

	private final int maxChecks;

	/** The change log position answers are made at. */
	final AtomicLong position = new AtomicLong(1);

	/** The requests received: path, checks and consistency, e.g. {@code check 1 -}. */
	final List<String> received = new CopyOnWriteArrayList<>();

	/** Whether the decision point fails (a 500) instead of answering. */
	volatile boolean failing;

	FakeDecisionPoint(int maxChecks) {
		this.maxChecks = maxChecks;
	}

	PdpClient client(int bulkSize) {
		return new PdpClient(RestClient.builder().baseUrl("http://pdp.test/pdp/").requestFactory(this).build(),
				bulkSize);
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new MockClientHttpRequest(httpMethod, uri) {

			@Override
			protected ClientHttpResponse executeInternal() throws IOException {
				return answer(uri.getPath(), getBodyAsBytes());
			}

		};
	}

	private ClientHttpResponse answer(String path, byte[] body) {
		JsonNode request = this.json.readTree(body);
		String consistency = request.has("consistency") ? request.get("consistency").asString() : "-";
		boolean bulk = path.endsWith("/v1/check/bulk");
		int checks = bulk ? request.get("checks").size() : 1;
		this.received.add((bulk ? "bulk " : "check ") + checks + " " + consistency);
		if (this.failing) {
			return new MockClientHttpResponse(new byte[0], 500);
		}
		if (checks > this.maxChecks) {
			return new MockClientHttpResponse("{\"status\":400}".getBytes(StandardCharsets.UTF_8), 400);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		if (bulk) {
			List<Object> results = new ArrayList<>();
			request.get("checks").forEach((check) -> results.add(decide(check)));
			answer.put("results", results);
		}
		else {
			answer.putAll(decide(request));
		}
		answer.put("consistencyToken", new ConsistencyToken(this.position.get()).value());
		return new MockClientHttpResponse(this.json.writeValueAsBytes(answer), 200);
	}

	private Map<String, Object> decide(JsonNode check) {
		JsonNode resource = check.get("resource");
		String key = (resource != null && resource.has("key")) ? resource.get("key").asString() : "";
		boolean allowed = !key.isEmpty() && Character.isDigit(key.charAt(key.length() - 1))
				&& (key.charAt(key.length() - 1) - '0') % 2 == 0;
		JsonNode user = check.get("user");
		String reason = user.get("key").asString() + (user.has("groups") ? user.get("groups").toString() : "")
				+ (user.has("attributes") ? user.get("attributes").toString() : "") + " "
				+ check.get("action").asString() + " " + key + " " + ((resource != null) ? resource.toString() : "-")
				+ " " + (check.has("context") ? check.get("context").toString() : "{}");
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("allowed", allowed);
		result.put("reason", reason);
		result.put("missing", allowed ? List.of() : List.of(check.get("action").asString()));
		return result;
	}

}
