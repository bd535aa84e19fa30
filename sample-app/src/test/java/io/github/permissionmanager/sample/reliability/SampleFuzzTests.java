package io.github.permissionmanager.sample.reliability;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.permissionmanager.testsupport.Http;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.NumberUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded, bounded fuzz run over real HTTP on loopback: 10,000 requests from four
 * threads against every endpoint of the sample app, with random, huge, negative and
 * malformed numbers, unicode, {@code %00}, SQL and SpEL injection payloads and ids
 * holding {@code *}, {@code ,} and {@code :} in path variables, parameters and bodies,
 * the same name as URI variable, query parameter and body field, nullable path variables,
 * and the tenant (site) in the path against the {@code X-Site} header (agreeing,
 * disagreeing, given twice, alone), from every demo user, anonymous callers and a wrong
 * password. Never a 5xx; never a 2xx the demo grants do not allow ({@link DemoGrants},
 * written out independently of the engine); never a stack trace, exception or class name
 * in a body. A failure prints the seed and the request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SampleFuzzTests {

	static final long SEED = 20261122L;

	static final int THREADS = 4;

	// -Dfuzz.requests-per-thread=... for a shorter run while working on the suite
	static final int REQUESTS_PER_THREAD = Integer.getInteger("fuzz.requests-per-thread", 2_500);

	// mallory's wrong password costs a BCrypt hash per call (Spring Security's timing
	// defence), so mallory calls rarely
	static final List<@Nullable String> CALLERS = Arrays.asList("admin", "alice", "bob", "carol", "dave", "erin",
			"frank", null);

	static final List<String> PAYLOADS = List.of("-1", "0", "9223372036854775807", "9223372036854775808",
			"-9223372036854775808", "99999999999999999999999999", "1.0", "1e3", "0x1", "#1", " 1", "1 ", "01", "+1",
			"١", "abc", "", " ", "*", "1,2", "1:2", "a*", "*:*", "event:*", "\u0000", "1\u0000", "' OR '1'='1",
			"1' OR 1=1--", "1; DROP TABLE pm_grants;--", "1 UNION SELECT grantee_name FROM pm_grants", "\" OR \"\"=\"",
			"#{7*7}", "${7*7}", "#{T(Runtime).getRuntime().exec('id')}", "T(Runtime).getRuntime()", "#this",
			"#context.values()", "@permissionGrants", "new String('x')", "ümlaut", "😀", "中文", "\u202e1",
			"a".repeat(300), "9".repeat(400), "..", "../admin", "null", "undefined", "true", "[1]", "{\"a\":1}",
			"<script>", "%", "%25", "\\", "/", "?", "#", "&", "=", "\r\nX-Injected: 1");

	static final List<String> RAW_SEGMENTS = List.of("%00", "1%00", "%2e%2e", "%2F", "1%2F2", "..", ".", "1;x=2",
			"1;jsessionid=1", "%252F", "%25", "%3B", "1%3B2", "%2A");

	static final List<String> BODIES = List.of("", "{", "[]", "null", "{}", "\"x\"", "{\"title\":1}",
			"{\"title\":{\"$ne\":1}}", "{\"name\":[1,2]}", "{\"title\":null}", "{\"title\":\"\"}", "[".repeat(5000),
			"{\"title\":\"" + "x".repeat(20_000) + "\"}", "{\"title\":\"a\",\"title\":\"b\"}", "\u0000");

	static final Pattern SESSION = Pattern.compile("\"id\"\\s*:\\s*(\\d+),\\s*\"eventId\"\\s*:\\s*(\\d+)");

	@LocalServerPort
	int port;

	final Map<Long, Long> eventOfSession = new ConcurrentHashMap<>(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 2L, 5L, 2L));

	final List<String> violations = new CopyOnWriteArrayList<>();

	final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	final AtomicInteger allowedCalls = new AtomicInteger();

	final Map<String, AtomicInteger> tenantAnswers = new ConcurrentHashMap<>();

	@Test
	void seededFuzzRunNeverAnswers5xxNeverAllowsWithoutAGrantAndNeverLeaksInternals() throws Exception {
		Http http = new Http(this.port, (user) -> user.equals("mallory") ? "wrong" : user);
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> runs = new ArrayList<>();
		long started = System.nanoTime();
		for (int t = 0; t < THREADS; t++) {
			long seed = SEED + t;
			runs.add(threads.submit(() -> {
				Random random = new Random(seed);
				for (int i = 0; i < REQUESTS_PER_THREAD && this.violations.size() < 20; i++) {
					Call call = call(random);
					HttpResponse<String> response = http.send(call.user, call.method, call.path, call.body,
							call.headers);
					judge("seed " + seed + " #" + i, call, response);
				}
			}));
		}
		for (Future<?> run : runs) {
			run.get(10, TimeUnit.MINUTES);
		}
		threads.shutdown();
		int total = this.statuses.values().stream().mapToInt(AtomicInteger::get).sum();
		System.out
			.println("Fuzz run: " + total + " requests in " + Duration.ofNanos(System.nanoTime() - started).toMillis()
					+ " ms, statuses " + new java.util.TreeMap<>(this.statuses) + ", " + this.allowedCalls
					+ " answered 2xx where the demo grants allow");
		assertThat(this.violations).isEmpty();
		assertThat(total).isEqualTo(THREADS * REQUESTS_PER_THREAD);
		System.out.println(
				"Tenant answers (site in the path against X-Site): " + new java.util.TreeMap<>(this.tenantAnswers));
		// the run reached the guarded methods, not only the validation around them
		assertThat(this.allowedCalls.get()).isGreaterThan(200);
		// and the tenant shape both ways: allowed where the sources agree, denied where
		// not
		assertThat(this.tenantAnswers).containsKeys("agreeing 200", "disagreeing 403");
		assertThat(this.statuses).containsKeys(200, 400, 401, 403, 404);
	}

	private void judge(String where, Call call, HttpResponse<String> response) {
		int status = response.statusCode();
		this.statuses.computeIfAbsent(status, (key) -> new AtomicInteger()).incrementAndGet();
		if (call.tenantShape != null) {
			this.tenantAnswers.computeIfAbsent(call.tenantShape + " " + status, (key) -> new AtomicInteger())
				.incrementAndGet();
		}
		String body = response.body();
		String describe = where + ": " + call.user + " " + call.method + " " + abbreviate(call.path)
				+ (call.headers.isEmpty() ? "" : " headers " + call.headers)
				+ ((call.body != null) ? " body " + abbreviate(call.body) : "") + " -> " + status + " "
				+ abbreviate(body);
		if (status >= 500) {
			this.violations.add("5xx: " + describe);
		}
		if (leaks(body)) {
			this.violations.add("leak: " + describe);
		}
		if (status >= 200 && status < 300) {
			if (call.method.equals("OPTIONS") && body.isEmpty()) {
				return;
			}
			if (!call.allowed) {
				this.violations.add("2xx without a grant: " + describe);
				return;
			}
			this.allowedCalls.incrementAndGet();
			if (call.onCreated != null) {
				call.onCreated.accept(body);
			}
			if (call.listsSessions) {
				Matcher sessions = SESSION.matcher(body);
				while (sessions.find()) {
					long session = Long.parseLong(sessions.group(1));
					long event = Long.parseLong(sessions.group(2));
					if (!DemoGrants.holds(call.user, "session:read", "event", event)
							&& !DemoGrants.holds(call.user, "session:read", "session", session)) {
						this.violations.add("listed session " + session + " of event " + event + ": " + describe);
					}
				}
			}
		}
	}

	static boolean leaks(String body) {
		return body.contains("Exception") || body.contains("\tat ") || body.contains("java.")
				|| body.contains("jakarta.") || body.contains("org.springframework") || body.contains("org.hibernate")
				|| body.contains("org.h2") || body.contains("io.github.permissionmanager") || body.contains("jdbc:")
				|| body.contains("SQLState") || body.contains("\"trace\"") || body.contains("Tomcat");
	}

	private static String abbreviate(String text) {
		String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
		return (oneLine.length() > 300) ? oneLine.substring(0, 300) + "…(" + oneLine.length() + ")" : oneLine;
	}

	/**
	 * One request and what the demo grants say about it.
	 */
	static final class Call {

		@Nullable String user;

		String method = "GET";

		String path = "/";

		@Nullable String body;

		Map<String, List<String>> headers = Map.of();

		// "agreeing" or "disagreeing" for a site call whose path and X-Site header both
		// name
		// a tenant
		@Nullable String tenantShape;

		boolean allowed;

		boolean listsSessions;

		java.util.function.@Nullable Consumer<String> onCreated;

	}

	private Call call(Random random) {
		Call call = new Call();
		call.user = (random.nextInt(100) == 0) ? "mallory" : CALLERS.get(random.nextInt(CALLERS.size()));
		String user = call.user;
		boolean signedIn = DemoGrants.authenticated(user);
		Segment e = segment(random);
		Segment s = segment(random);
		switch (random.nextInt(19)) {
			case 0 -> {
				String query = query(random, random.nextBoolean() ? "x" : "event_id");
				call.path = "/events/" + e.raw + query;
				// the tenant header alone names the tenant of the check; given twice: 400
				List<String> site = (random.nextInt(4) == 0) ? siteHeader(random, "opentech") : List.of();
				call.headers = site.isEmpty() ? Map.of() : Map.of("X-Site", site);
				// event_id as URI variable and query parameter is ambiguous: 400
				call.allowed = site.size() <= 1
						&& DemoGrants.holds(user, "event:read", "event", e.id, site.isEmpty() ? null : site.get(0))
						&& !query.startsWith("?event_id=");
			}
			case 1 -> {
				call.method = "PATCH";
				String query = query(random, "event_id");
				call.path = "/events/" + e.raw + query;
				BodyEvent bodyEvent = bodyEvent(random, e.id);
				call.body = bodyEvent.apply(body(random, "name"));
				call.allowed = DemoGrants.holds(user, "event:update", "event", e.id) && query.isEmpty()
						&& bodyEvent.agrees();
			}
			case 2 -> {
				call.method = "DELETE";
				List<String> confirm = confirm(random);
				call.path = "/events/" + e.raw + query(confirm);
				call.allowed = DemoGrants.holds(user, "event:delete", "event", e.id) && confirm.equals(List.of("true"));
			}
			case 3 -> {
				call.path = "/events/" + e.raw + "/sessions";
				call.allowed = true;
			}
			case 4 -> {
				call.method = "POST";
				call.path = "/events/" + e.raw + "/sessions";
				BodyEvent bodyEvent = bodyEvent(random, e.id);
				call.body = bodyEvent.apply(body(random, "title"));
				call.allowed = DemoGrants.holds(user, "session:create", "event", e.id) && bodyEvent.agrees();
				call.onCreated = (created) -> {
					Matcher session = SESSION.matcher(created);
					if (session.find()) {
						this.eventOfSession.put(Long.parseLong(session.group(1)), Long.parseLong(session.group(2)));
					}
				};
			}
			case 5 -> {
				String query = query(random, random.nextBoolean() ? "id" : "x");
				call.path = "/events/" + e.raw + "/sessions/" + s.raw + query;
				call.allowed = DemoGrants.holds(user, "session:read", "event", e.id) && s.id != null && e.id != null
						&& e.id.equals(this.eventOfSession.get(s.id)) && !query.startsWith("?id=");
			}
			case 6 -> {
				call.path = "/sessions" + query(random, "x");
				call.allowed = signedIn;
				call.listsSessions = true;
			}
			case 7 -> {
				call.method = "PATCH";
				// ?event_id is not a parameter of the handler: the model decides; ?id is
				// ambiguous
				String query = query(random, random.nextBoolean() ? "event_id" : "id");
				call.path = "/sessions/" + s.raw + query;
				BodyEvent bodyEvent = bodyEvent(random, eventOf(s.id));
				call.body = bodyEvent.apply(body(random, "title"));
				call.allowed = DemoGrants.holds(user, "session:update", "event", eventOf(s.id))
						&& !query.startsWith("?id=") && bodyEvent.agrees();
			}
			case 8 -> {
				call.method = "DELETE";
				call.path = "/sessions/" + s.raw;
				call.allowed = DemoGrants.holds(user, "session:delete", "event", eventOf(s.id));
			}
			case 9 -> {
				List<String> view = confirm(random).stream().map((value) -> value.replace("true", "public")).toList();
				call.path = "/events/" + e.raw + "/speakers" + query("view", view);
				call.allowed = view.equals(List.of("public")) ? signedIn
						: DemoGrants.holds(user, "speaker:read", "event", e.id);
			}
			case 10 -> {
				call.method = "DELETE";
				call.path = "/speakers/" + s.raw;
				Long session = (s.id != null && s.id >= 1 && s.id <= 5) ? s.id : null;
				call.allowed = DemoGrants.holds(user, "speaker:delete", "event", eventOf(session));
			}
			case 11 -> {
				String query = query(random, "event_id");
				if (random.nextInt(4) == 0) {
					// the nullable event_id is missing: 400, whatever ?event_id says
					call.path = "/tracks" + query;
					call.allowed = false;
				}
				else {
					call.path = "/events/" + e.raw + "/tracks" + query;
					call.allowed = query.isEmpty() && (DemoGrants.holds(user, "track:read", "event", e.id)
							|| DemoGrants.holds(user, "session:update", "event", e.id));
				}
			}
			case 12, 13 -> {
				call.method = (random.nextBoolean()) ? "POST" : "DELETE";
				call.path = "/admin/grants";
				call.body = grantBody(random, DemoGrants.isAdmin(user));
				call.allowed = DemoGrants.isAdmin(user);
			}
			case 14 -> {
				call.path = "/admin/explain?user=" + encode(payload(random)) + "&permission=" + encode(payload(random))
						+ (random.nextBoolean() ? "&type=" + encode(payload(random)) : "")
						+ (random.nextBoolean() ? "&id=" + encode(payload(random)) : "");
				call.allowed = DemoGrants.isAdmin(user);
			}
			case 16 -> {
				call.method = "DELETE";
				StringBuilder ids = new StringBuilder();
				int count = 1 + random.nextInt(3);
				for (int i = 0; i < count; i++) {
					ids.append((i > 0) ? "," : "").append((i == 0) ? s.raw : segment(random).raw);
				}
				call.path = "/sessions?ids=" + ids;
				call.allowed = batchAllowed(user, ids.toString());
			}
			case 17, 18 -> {
				// the site is the tenant, from the path and the X-Site header: they must
				// agree (else 403, never the method), the header given once, the site
				// never also a parameter (400)
				Site site = site(random);
				String query = (random.nextInt(6) == 0) ? "?site=" + encode(site.value) : "";
				// mostly the demo events, so that the tenant is what decides
				long demo = 1 + random.nextInt(2);
				Segment event = (random.nextInt(10) < 7) ? new Segment(String.valueOf(demo), demo) : e;
				call.path = "/sites/" + site.raw + "/events/" + event.raw + query;
				List<String> header = siteHeader(random, site.value);
				call.headers = header.isEmpty() ? Map.of() : Map.of("X-Site", header);
				boolean agrees = header.isEmpty() || header.equals(List.of(site.value));
				if (header.size() == 1 && query.isEmpty()) {
					call.tenantShape = agrees ? "agreeing" : "disagreeing";
				}
				call.allowed = agrees && query.isEmpty()
						&& DemoGrants.holds(user, "event:read", "event", event.id, site.value);
			}
			default -> {
				call.path = "/me/permissions" + query(random, "user");
				call.allowed = signedIn;
			}
		}
		mutateVerb(random, call);
		return call;
	}

	/**
	 * An {@code eventId} a body may carry beside its other fields, and whether it agrees
	 * with the event the check reads.
	 */
	record BodyEvent(@Nullable String json, boolean agrees) {

		String apply(String body) {
			if (this.json == null || !body.startsWith("{\"") || !body.endsWith("}")) {
				return body;
			}
			return body.substring(0, body.length() - 1) + ",\"eventId\":" + this.json + "}";
		}

	}

	private static BodyEvent bodyEvent(Random random, @Nullable Long event) {
		return switch (random.nextInt(6)) {
			case 0 -> new BodyEvent(String.valueOf(event), true);
			case 1 -> {
				int other = random.nextInt(4);
				yield new BodyEvent(String.valueOf(other), event != null && other == event);
			}
			default -> new BodyEvent(null, true);
		};
	}

	private static void mutateVerb(Random random, Call call) {
		if (random.nextInt(12) != 0) {
			return;
		}
		// HEAD is answered by the GET handler of the path, with its check; PUT and TRACE
		// are mapped nowhere; OPTIONS answers the allowed methods, with no body
		List<String> verbs = call.method.equals("GET") ? List.of("HEAD", "OPTIONS", "PUT", "TRACE")
				: List.of("OPTIONS", "PUT", "TRACE");
		String verb = verbs.get(random.nextInt(verbs.size()));
		call.allowed = verb.equals("HEAD") && call.allowed;
		call.listsSessions = false;
		call.onCreated = null;
		call.tenantShape = null;
		call.method = verb;
		if (verb.equals("HEAD") || verb.equals("OPTIONS") || verb.equals("TRACE")) {
			call.body = null;
		}
	}

	// Every id binds, names a known session, and its event allows session:delete
	private boolean batchAllowed(@Nullable String user, String ids) {
		String decoded = decode(ids);
		if (decoded == null || decoded.contains(";")) {
			return false;
		}
		for (String id : decoded.split(",", -1)) {
			// each element of a comma-separated list is trimmed (String.trim) before it
			// is bound
			if (!DemoGrants.holds(user, "session:delete", "event", eventOf(boundId(id.trim())))) {
				return false;
			}
		}
		return true;
	}

	private @Nullable Long eventOf(@Nullable Long session) {
		return (session != null) ? this.eventOfSession.get(session) : null;
	}

	/**
	 * A path segment as sent, and the id Spring MVC binds from it (null when it binds
	 * none).
	 */
	record Segment(String raw, @Nullable Long id) {
	}

	private static Segment segment(Random random) {
		int kind = random.nextInt(20);
		if (kind < 8) {
			long id = random.nextInt(9);
			return new Segment(Long.toString(id), id);
		}
		if (kind < 11) {
			String raw = RAW_SEGMENTS.get(random.nextInt(RAW_SEGMENTS.size()));
			String decoded = decode(raw);
			return new Segment(raw, (decoded != null) ? boundId(decoded.replaceAll(";.*", "")) : null);
		}
		String value = payload(random);
		return new Segment(encode(value), boundId(value));
	}

	// What a long path variable binds to: Spring's NumberUtils (trims, reads 0x and # as
	// hex)
	private static @Nullable Long boundId(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return NumberUtils.parseNumber(value, Long.class);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable String decode(String raw) {
		try {
			return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A site path segment as sent, and the tenant Spring MVC binds from it.
	 */
	record Site(String raw, String value) {
	}

	private static Site site(Random random) {
		List<Site> known = List.of(new Site("opentech", "opentech"), new Site("fossasia", "fossasia"),
				new Site("OpenTech", "OpenTech"), new Site("%6Fpentech", "opentech"),
				new Site("opentech%20", "opentech "), new Site("%2A", "*"));
		if (random.nextInt(4) == 0) {
			String value = payload(random);
			String decoded = decode(encode(value));
			return new Site(encode(value), (decoded != null) ? decoded : value);
		}
		return known.get(random.nextInt(known.size()));
	}

	// X-Site values: none, the path's site, another one, or the header given twice
	private static List<String> siteHeader(Random random, String site) {
		List<String> others = List.of("opentech", "fossasia", "OPENTECH", "*", "open tech");
		String same = site.matches("[\\x21-\\x7e]([\\x20-\\x7e]*[\\x21-\\x7e])?") ? site : "opentech";
		return switch (random.nextInt(8)) {
			case 0, 1, 2 -> List.of();
			case 3, 4 -> List.of(same);
			case 5 -> List.of(others.get(random.nextInt(others.size())));
			case 6 -> List.of(same, same);
			default -> List.of("opentech", "fossasia");
		};
	}

	private static String payload(Random random) {
		if (random.nextInt(4) == 0) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				text.appendCodePoint(
						random.nextInt(10) == 0 ? 0x80 + random.nextInt(0x2000) : 0x20 + random.nextInt(0x5f));
			}
			return text.toString();
		}
		return PAYLOADS.get(random.nextInt(PAYLOADS.size()));
	}

	private static List<String> confirm(Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> List.of();
			case 1 -> List.of("true", "true");
			case 2 -> List.of("TRUE");
			case 3 -> List.of("true", "false");
			case 4 -> List.of(payload(random));
			case 5 -> List.of("");
			default -> (random.nextInt(10) == 0) ? List.of("true") : List.of("false");
		};
	}

	private static String query(Random random, String name) {
		return random.nextBoolean() ? "" : "?" + name + "=" + encode(payload(random));
	}

	private static String query(List<String> confirm) {
		return query("confirm", confirm);
	}

	private static String query(String name, List<String> values) {
		if (values.isEmpty()) {
			return "";
		}
		StringBuilder query = new StringBuilder();
		for (String value : values) {
			query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(value));
		}
		return query.toString();
	}

	private static String body(Random random, String field) {
		if (random.nextInt(3) == 0) {
			return BODIES.get(random.nextInt(BODIES.size()));
		}
		return "{\"" + field + "\":\"" + json(payload(random)) + "\"}";
	}

	// Grants an admin might create never name a demo user, so the demo grants stay as
	// written
	private static String grantBody(Random random, boolean admin) {
		if (random.nextInt(4) == 0) {
			return BODIES.get(random.nextInt(BODIES.size()));
		}
		String grantee = admin ? "fz-" + payload(random)
				: List.of("bob", "dave", "carol", "alice").get(random.nextInt(4));
		if (!admin && random.nextInt(4) == 0) {
			return "{\"user\":\"" + grantee + "\",\"permission\":\"*\"}";
		}
		StringBuilder body = new StringBuilder("{\"").append(random.nextInt(5) == 0 ? "group" : "user")
			.append("\":\"")
			.append(json(grantee))
			.append("\",\"permission\":\"")
			.append(json(random.nextBoolean() ? payload(random) : "organizer"))
			.append('"');
		if (random.nextBoolean()) {
			body.append(",\"type\":\"").append(json(random.nextBoolean() ? "event" : payload(random))).append('"');
		}
		if (random.nextBoolean()) {
			body.append(",\"id\":\"").append(json(payload(random))).append('"');
		}
		return body.append('}').toString();
	}

	private static String json(String value) {
		StringBuilder json = new StringBuilder();
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.toString();
	}

	// Percent-encodes every byte but the unreserved characters of RFC 3986
	private static String encode(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(String.format("%02X", c));
			}
		}
		return encoded.toString();
	}

}
