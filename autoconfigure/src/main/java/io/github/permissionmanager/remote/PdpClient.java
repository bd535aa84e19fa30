package io.github.permissionmanager.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.pdp.JsonFields;
import io.github.permissionmanager.pdp.PdpInputException;
import io.github.permissionmanager.pdp.PdpJson;
import io.github.permissionmanager.pdp.PdpWire;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * Asks a decision point over HTTP: one check, several at once ({@code check/bulk}) and
 * the objects of a type. Anything but a well-formed answer (no connection, a timeout, a
 * status other than 200, a body that is not the answer asked for) is a
 * {@link PermissionEvaluationException}, so the check fails closed.
 */
public final class PdpClient {

	private static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

	/**
	 * How many checks one {@code check/bulk} holds unless told otherwise: the decision
	 * point's own default limit ({@code permission-manager.pdp.max-checks}).
	 */
	public static final int DEFAULT_BULK_SIZE = 1000;

	private final RestClient rest;

	private final int bulkSize;

	private final @Nullable AutoCloseable transport;

	private final PdpJson json = new PdpJson();

	/**
	 * Create a client.
	 * @param rest a client whose base URL is the decision point's (its base path
	 * included), with its timeouts and credentials
	 */
	public PdpClient(RestClient rest) {
		this(rest, DEFAULT_BULK_SIZE);
	}

	/**
	 * Create a client.
	 * @param rest a client whose base URL is the decision point's (its base path
	 * included), with its timeouts and credentials
	 * @param bulkSize the most checks sent in one {@code check/bulk}: more are sent in
	 * several, one after the other
	 */
	public PdpClient(RestClient rest, int bulkSize) {
		this(rest, bulkSize, null);
	}

	/**
	 * Create a client that owns its HTTP transport.
	 * @param rest a client whose base URL is the decision point's (its base path
	 * included), with its timeouts and credentials
	 * @param bulkSize the most checks sent in one {@code check/bulk}: more are sent in
	 * several, one after the other
	 * @param transport what {@link #close()} closes (the connection pool under
	 * {@code rest}), or {@code null}
	 */
	public PdpClient(RestClient rest, int bulkSize, @Nullable AutoCloseable transport) {
		Assert.notNull(rest, "rest cannot be null");
		Assert.isTrue(bulkSize > 0, "bulkSize must be positive");
		this.rest = rest;
		this.bulkSize = bulkSize;
		this.transport = transport;
	}

	/**
	 * Close the transport this client owns (its open connections), if any: nothing can be
	 * asked afterwards.
	 */
	public void close() {
		if (this.transport != null) {
			try {
				this.transport.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("The decision point's HTTP client could not be closed", ex);
			}
		}
	}

	/**
	 * Decide requests: one in a {@code check}, several in a {@code check/bulk}, more than
	 * the bulk size in several bulks of at most that size. A failure of any of them fails
	 * the whole.
	 * @param requests the requests, never empty
	 * @param consistency a requirement the answers must honour, or {@code null}
	 * @return one answer per request, in order
	 */
	public List<Answer> check(List<PermissionRequest> requests, @Nullable Consistency consistency) {
		Assert.notEmpty(requests, "requests cannot be empty");
		if (requests.size() <= this.bulkSize) {
			return checkAtOnce(requests, consistency);
		}
		List<Answer> answers = new ArrayList<>(requests.size());
		for (int from = 0; from < requests.size(); from += this.bulkSize) {
			answers.addAll(
					checkAtOnce(requests.subList(from, Math.min(requests.size(), from + this.bulkSize)), consistency));
		}
		return answers;
	}

	private List<Answer> checkAtOnce(List<PermissionRequest> requests, @Nullable Consistency consistency) {
		if (requests.size() == 1) {
			Map<String, Object> body = check(requests.get(0));
			putConsistency(body, consistency);
			JsonFields answer = post("v1/check", body);
			return List.of(answer(answer, position(answer)));
		}
		List<Map<String, Object>> checks = new ArrayList<>(requests.size());
		requests.forEach((request) -> checks.add(check(request)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("checks", checks);
		putConsistency(body, consistency);
		JsonFields answer = post("v1/check/bulk", body);
		long position = position(answer);
		List<JsonFields> results = read(() -> answer.objects("results", requests.size()));
		if (results.size() != requests.size()) {
			throw garbage("check/bulk", requests.size() + " results expected, " + results.size() + " received");
		}
		List<Answer> answers = new ArrayList<>(results.size());
		results.forEach((result) -> answers.add(answer(result, position)));
		return answers;
	}

	/**
	 * The objects of a type a subject may act on ({@code object-ids}, which the decision
	 * point answers callers holding {@code pdp:list}).
	 * @param subject the subject
	 * @param permission the permission
	 * @param resourceType the resource type
	 * @param tenant the tenant, or {@code null}
	 * @param consistency a requirement the answer must honour, or {@code null}
	 * @return the ids named by object grants
	 */
	public Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant,
			@Nullable Consistency consistency) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("user", PdpWire.user(subject));
		body.put("action", permission);
		body.put("resourceType", resourceType);
		if (tenant != null) {
			body.put("tenant", tenant);
		}
		putConsistency(body, consistency);
		JsonFields answer = post("v1/object-ids", body);
		return read(() -> new LinkedHashSet<>(answer.texts("ids", Integer.MAX_VALUE)));
	}

	private static Map<String, Object> check(PermissionRequest request) {
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("user", PdpWire.user(request.subject()));
		check.put("action", request.permission());
		if (request.resource() != null) {
			check.put("resource", PdpWire.resource(request.resource()));
		}
		if (!request.context().values().isEmpty()) {
			check.put("context", PdpWire.plain(request.context().values()));
		}
		return check;
	}

	private static void putConsistency(Map<String, Object> body, @Nullable Consistency consistency) {
		if (consistency != null) {
			ConsistencyToken token = consistency.token();
			body.put("consistency", (token != null) ? token.value() : "full");
		}
	}

	private Answer answer(JsonFields result, long position) {
		return read(() -> {
			boolean allowed = result.requiredFlag("allowed");
			String reason = result.text("reason");
			List<String> missing = result.texts("missing", Integer.MAX_VALUE);
			return new Answer(new Decision(allowed, reason, null, allowed ? List.of() : missing), position);
		});
	}

	private long position(JsonFields answer) {
		if (!read(() -> answer.has("consistencyToken"))) {
			return -1;
		}
		try {
			return ConsistencyToken.parse(read(() -> answer.text("consistencyToken"))).position();
		}
		catch (IllegalArgumentException ex) {
			throw garbage("an answer", "consistencyToken is not a token");
		}
	}

	private JsonFields post(String path, Map<String, Object> body) {
		byte[] request = this.json.write(body);
		byte[] answer;
		try {
			answer = exchange(path, request);
		}
		catch (ResourceAccessException ex) {
			// the JDK client's timeouts, and the socket timeouts of blocking clients
			// (Apache HttpClient 5, HttpURLConnection): not asked again, which would
			// double
			// the wait
			if (ex.getCause() instanceof HttpTimeoutException || ex.getCause() instanceof InterruptedIOException) {
				throw new PermissionEvaluationException(
						"The decision point did not answer " + path + " in time: the check fails closed", ex);
			}
			// A kept-alive connection the decision point closed (it restarted, say) fails
			// the first request sent on it: asking is free of side effects, so ask once
			// more on a new one
			try {
				answer = exchange(path, request);
			}
			catch (RestClientException again) {
				again.addSuppressed(ex);
				throw new PermissionEvaluationException(
						"The decision point could not be asked (" + path + "): the check fails closed", again);
			}
		}
		catch (RestClientException ex) {
			throw new PermissionEvaluationException(
					"The decision point could not be asked (" + path + "): the check fails closed", ex);
		}
		if (answer == null) {
			throw garbage(path, "no body");
		}
		byte[] bytes = answer;
		return read(() -> this.json.read(bytes));
	}

	private byte @Nullable [] exchange(String path, byte[] request) {
		return this.rest.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange((sent, response) -> {
				int status = response.getStatusCode().value();
				if (status != 200) {
					throw new PermissionEvaluationException("The decision point answered " + path + " with " + status
							+ refusal(path, status) + ": the check fails closed");
				}
				try (InputStream in = response.getBody()) {
					byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
					if (bytes.length > MAX_ANSWER_BYTES) {
						throw garbage(path, "larger than " + MAX_ANSWER_BYTES + " bytes");
					}
					return bytes;
				}
			}, true);
	}

	private static String refusal(String path, int status) {
		return switch (status) {
			case 401 -> " (this application's credentials were refused)";
			case 403 -> path.endsWith("object-ids")
					? " (this application lacks the decision point's pdp:check or pdp:list, which listing objects takes)"
					: " (this application lacks the decision point's pdp:check)";
			default -> "";
		};
	}

	private static <T> T read(Reading<T> reading) {
		try {
			return reading.read();
		}
		catch (PdpInputException ex) {
			throw garbage("a request", String.valueOf(ex.getMessage()));
		}
		catch (IOException ex) {
			throw new PermissionEvaluationException("The decision point's answer could not be read", ex);
		}
	}

	private static PermissionEvaluationException garbage(String path, String problem) {
		return new PermissionEvaluationException(
				"The decision point's answer to " + path + " is not one: " + problem + "; the check fails closed");
	}

	@FunctionalInterface
	private interface Reading<T> {

		T read() throws IOException;

	}

	/**
	 * One answer of the decision point.
	 *
	 * @param decision the decision
	 * @param position the change log position it is at least as fresh as, {@code -1} when
	 * the decision point did not say
	 */
	public record Answer(Decision decision, long position) {

	}

}
