package io.github.permissionmanager.connect;

/**
 * How a provider's token endpoint answers, and so how the answer is read
 * ({@code permission-manager.connections.catalog.*.token-response}; a preset sets it).
 */
public enum TokenResponseFormat {

	/**
	 * RFC 6749: a {@code Bearer} token, space-separated scopes, errors as HTTP 400. Read
	 * by Spring Security as it is.
	 */
	STANDARD,

	/**
	 * Slack's {@code oauth.v2.access}: {@code "token_type": "bot"} (or {@code "user"}),
	 * comma-separated scopes, a user-scope install's token under {@code authed_user}, and
	 * refusals as HTTP 200 with {@code "ok": false} and an {@code error}. Slack's tokens
	 * are sent as {@code Authorization: Bearer}, so they are stored as bearer tokens.
	 */
	SLACK

}
