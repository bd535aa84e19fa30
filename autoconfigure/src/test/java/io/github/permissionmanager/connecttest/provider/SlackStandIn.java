package io.github.permissionmanager.connecttest.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Slack's OAuth v2, answering as Slack documents it rather than as RFC
 * 6749 says: {@code oauth.v2.access} gives a bot token with {@code "token_type": "bot"},
 * its scopes comma-separated, the installing user's token under {@code authed_user}, and
 * with token rotation a refresh token and {@code expires_in}; a refused code or refresh
 * token is HTTP 200 with {@code "ok": false} and an {@code error}. The authorization
 * endpoint sends the browser straight back with a code (the user approves everything),
 * and {@code chat.postMessage} accepts only a bot token it issued and has not rotated
 * away.
 */
public final class SlackStandIn {

	/** The client id the stand-in knows. */
	public static final String CLIENT_ID = "slack-app";

	/** Its secret, sent in the form (client_secret_post). */
	public static final String CLIENT_SECRET = "slack-secret";

	private final HttpServer server;

	private final Map<String, String> codes = new ConcurrentHashMap<>();

	private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

	private final Map<String, String> botTokens = new ConcurrentHashMap<>();

	/** Every token request's grant type, in order. */
	public final List<String> tokenRequests = new CopyOnWriteArrayList<>();

	/** Every message posted, as "user: text". */
	public final List<String> posted = new CopyOnWriteArrayList<>();

	/** Every bot token {@code oauth.v2.access} handed out. */
	public final List<String> issued = new CopyOnWriteArrayList<>();

	/**
	 * Whether the token endpoint answers only with the user token (a user-scope install).
	 */
	public volatile boolean userTokenOnly;

	/** Whether the token endpoint refuses every code, as Slack does a spent one. */
	public volatile boolean refuseCodes;

	/** When set, the error every refresh is refused with (HTTP 200, "ok": false). */
	public volatile String refreshError;

	private SlackStandIn(HttpServer server) {
		this.server = server;
	}

	/**
	 * Start the stand-in on a random port of the loopback address.
	 * @return the running stand-in
	 */
	public static SlackStandIn start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			SlackStandIn slack = new SlackStandIn(server);
			server.createContext("/oauth/v2/authorize", slack::authorize);
			server.createContext("/api/oauth.v2.access", slack::access);
			server.createContext("/api/chat.postMessage", slack::postMessage);
			server.start();
			return slack;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The stand-in's base URL.
	 * @return the URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Forget a refresh token, as Slack does when the app is uninstalled.
	 * @param user the user whose refresh token is revoked
	 */
	public void revokeRefreshTokensOf(String user) {
		this.refreshTokens.values().removeIf(user::equals);
		this.botTokens.values().removeIf(user::equals);
	}

	/**
	 * The Slack user a token was issued to.
	 * @param token a bot or user token
	 * @return the user, or {@code null} when the token is not (or no longer) valid
	 */
	public String ownerOf(String token) {
		return this.botTokens.get(token);
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
		if (!CLIENT_ID.equals(query.get("client_id")) || query.get("redirect_uri") == null) {
			answer(exchange, 400, "{\"ok\":false,\"error\":\"invalid_client_id\"}");
			return;
		}
		String code = "slack-code-" + UUID.randomUUID();
		this.codes.put(code, query.getOrDefault("scope", ""));
		String redirect = query.get("redirect_uri") + "?code=" + code + "&state="
				+ URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", redirect);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private void access(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String grantType = form.get("grant_type");
		this.tokenRequests.add(String.valueOf(grantType));
		if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
			answer(exchange, 200, "{\"ok\":false,\"error\":\"bad_client_secret\"}");
			return;
		}
		String owner;
		if ("authorization_code".equals(grantType)) {
			String scopes = this.codes.remove(String.valueOf(form.get("code")));
			if (scopes == null || this.refuseCodes) {
				answer(exchange, 200, "{\"ok\":false,\"error\":\"invalid_code\"}");
				return;
			}
			owner = "U-" + UUID.randomUUID().toString().substring(0, 8);
		}
		else if ("refresh_token".equals(grantType)) {
			if (this.refreshError != null) {
				answer(exchange, 200, "{\"ok\":false,\"error\":\"" + this.refreshError + "\"}");
				return;
			}
			owner = this.refreshTokens.remove(String.valueOf(form.get("refresh_token")));
			if (owner == null) {
				answer(exchange, 200, "{\"ok\":false,\"error\":\"invalid_refresh_token\"}");
				return;
			}
		}
		else {
			answer(exchange, 200, "{\"ok\":false,\"error\":\"invalid_grant_type\"}");
			return;
		}
		String bot = "xoxb-" + UUID.randomUUID();
		String refresh = "xoxe-1-" + UUID.randomUUID();
		String userToken = "xoxp-" + UUID.randomUUID();
		// a rotated bot token replaces the one before it
		this.botTokens.values().removeIf(owner::equals);
		this.refreshTokens.put(refresh, owner);
		this.botTokens.put(bot, owner);
		this.issued.add(bot);
		String authedUser = "{\"id\":\"" + owner + "\",\"scope\":\"users:read\",\"access_token\":\"" + userToken
				+ "\",\"token_type\":\"user\"}";
		if (this.userTokenOnly) {
			this.botTokens.remove(bot);
			this.botTokens.put(userToken, owner);
			this.issued.add(userToken);
			answer(exchange, 200,
					"{\"ok\":true,\"app_id\":\"A0KRD7HC3\",\"authed_user\":{\"id\":\"" + owner
							+ "\",\"scope\":\"channels:read,chat:write\",\"access_token\":\"" + userToken
							+ "\",\"token_type\":\"user\",\"refresh_token\":\"" + refresh + "\",\"expires_in\":43200},"
							+ "\"team\":{\"id\":\"T9TK3CUKW\",\"name\":\"Example\"},\"enterprise\":null}");
			return;
		}
		answer(exchange, 200, "{\"ok\":true,\"access_token\":\"" + bot + "\",\"token_type\":\"bot\","
				+ "\"scope\":\"channels:read,chat:write\",\"bot_user_id\":\"U0KRQLJ9H\",\"app_id\":\"A0KRD7HC3\","
				+ "\"team\":{\"id\":\"T9TK3CUKW\",\"name\":\"Example\"},\"enterprise\":null,"
				+ "\"is_enterprise_install\":false,\"refresh_token\":\"" + refresh + "\",\"expires_in\":43200,"
				+ "\"authed_user\":" + authedUser + "}");
	}

	private void postMessage(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String owner = (authorization != null && authorization.startsWith("Bearer "))
				? this.botTokens.get(authorization.substring("Bearer ".length())) : null;
		if (owner == null) {
			answer(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
			return;
		}
		String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.posted.add(owner + ": " + text);
		answer(exchange, 200, "{\"ok\":true,\"channel\":\"C123ABC456\"}");
	}

	private static Map<String, String> form(String encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			values.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return values;
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
