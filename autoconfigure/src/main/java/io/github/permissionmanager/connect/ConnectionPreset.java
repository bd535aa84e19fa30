package io.github.permissionmanager.connect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a common provider needs for a connection, so that an application writes only a
 * client id, a secret and the preset's name: its endpoints, the scopes a connection asks
 * for, how the client authenticates, and the extra parameters of its authorization
 * requests. The endpoints are the providers' published ones; a revocation endpoint is
 * named only when it speaks RFC 7009.
 *
 * @param name the preset's name ({@code permission-manager.connections.catalog.*.preset})
 * @param clientName the provider's name, shown on consent pages
 * @param authorizationUri the authorization endpoint
 * @param tokenUri the token endpoint
 * @param revocationUri the RFC 7009 revocation endpoint, or {@code null}
 * @param scopes the scopes a connection asks for
 * @param clientAuthenticationMethod how the client authenticates at the token endpoint
 * @param authorizationParameters extra parameters of the authorization request
 * @param tokenResponse how its token endpoint answers
 */
public record ConnectionPreset(String name, String clientName, String authorizationUri, String tokenUri,
		@Nullable String revocationUri, List<String> scopes, String clientAuthenticationMethod,
		Map<String, String> authorizationParameters, TokenResponseFormat tokenResponse) {

	private static final String GOOGLE_AUTHORIZE = "https://accounts.google.com/o/oauth2/v2/auth";

	private static final String GOOGLE_TOKEN = "https://oauth2.googleapis.com/token";

	private static final String GOOGLE_REVOKE = "https://oauth2.googleapis.com/revoke";

	// Google issues a refresh token only for offline access, and again only on consent
	private static final Map<String, String> GOOGLE_OFFLINE = Map.of("access_type", "offline", "prompt", "consent");

	private static final Map<String, ConnectionPreset> PRESETS = presets(
			new ConnectionPreset("github", "GitHub", "https://github.com/login/oauth/authorize",
					"https://github.com/login/oauth/access_token", null, List.of("repo"), "client_secret_basic",
					Map.of(), TokenResponseFormat.STANDARD),
			new ConnectionPreset("gitlab", "GitLab", "https://gitlab.com/oauth/authorize",
					"https://gitlab.com/oauth/token", "https://gitlab.com/oauth/revoke", List.of("read_api"),
					"client_secret_basic", Map.of(), TokenResponseFormat.STANDARD),
			new ConnectionPreset("google-calendar", "Google Calendar", GOOGLE_AUTHORIZE, GOOGLE_TOKEN, GOOGLE_REVOKE,
					List.of("https://www.googleapis.com/auth/calendar.events"), "client_secret_basic", GOOGLE_OFFLINE,
					TokenResponseFormat.STANDARD),
			new ConnectionPreset("google-drive", "Google Drive", GOOGLE_AUTHORIZE, GOOGLE_TOKEN, GOOGLE_REVOKE,
					List.of("https://www.googleapis.com/auth/drive.file"), "client_secret_basic", GOOGLE_OFFLINE,
					TokenResponseFormat.STANDARD),
			new ConnectionPreset("gmail", "Gmail", GOOGLE_AUTHORIZE, GOOGLE_TOKEN, GOOGLE_REVOKE,
					List.of("https://www.googleapis.com/auth/gmail.send"), "client_secret_basic", GOOGLE_OFFLINE,
					TokenResponseFormat.STANDARD),
			new ConnectionPreset("slack", "Slack", "https://slack.com/oauth/v2/authorize",
					"https://slack.com/api/oauth.v2.access", null, List.of("channels:read", "chat:write"),
					"client_secret_post", Map.of(), TokenResponseFormat.SLACK),
			new ConnectionPreset("microsoft", "Microsoft",
					"https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
					"https://login.microsoftonline.com/common/oauth2/v2.0/token", null,
					List.of("offline_access", "User.Read"), "client_secret_post", Map.of(),
					TokenResponseFormat.STANDARD));

	public ConnectionPreset {
		scopes = List.copyOf(scopes);
		authorizationParameters = Map.copyOf(authorizationParameters);
	}

	/**
	 * The preset of a name.
	 * @param name the name
	 * @return the preset, or {@code null} when there is none of that name
	 */
	public static @Nullable ConnectionPreset find(String name) {
		return PRESETS.get(name);
	}

	/**
	 * Every preset's name.
	 * @return the names
	 */
	public static List<String> names() {
		return List.copyOf(PRESETS.keySet());
	}

	private static Map<String, ConnectionPreset> presets(ConnectionPreset... presets) {
		Map<String, ConnectionPreset> byName = new LinkedHashMap<>();
		for (ConnectionPreset preset : presets) {
			byName.put(preset.name(), preset);
		}
		return byName;
	}

}
