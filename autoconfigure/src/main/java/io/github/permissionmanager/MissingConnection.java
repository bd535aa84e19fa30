package io.github.permissionmanager;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A required connection the current user does not have (or not with the scopes the call
 * needs), with where to sign in and what the connection catalog says about it.
 *
 * @param name the connection's name
 * @param missingScopes the required scopes the user has not granted (empty when the
 * connection is missing altogether)
 * @param signInUrl where the user connects it: Spring Security's
 * {@code /oauth2/authorization/{registrationId}} with a return-to, or the API-key
 * endpoint
 * @param technicalDetail what exactly is missing (the catalog's {@code technical-detail},
 * else a generated one such as {@code "missing scope: channels:read"})
 * @param userMessage the catalog's {@code user-message}, or {@code null}
 * @param resolutionSteps the catalog's {@code resolution-steps}
 * @param supportContact the catalog's {@code support-contact}, or {@code null}
 * @param usage the catalog's {@code usage}: what the application does with the
 * connection, or {@code null}
 * @param dataManagement the catalog's {@code data-management}: what happens to the data
 * it reads, or {@code null}
 */
public record MissingConnection(String name, List<String> missingScopes, String signInUrl, String technicalDetail,
		@Nullable String userMessage, List<String> resolutionSteps, @Nullable String supportContact,
		@Nullable String usage, @Nullable String dataManagement) {

	public MissingConnection {
		missingScopes = List.copyOf(missingScopes);
		resolutionSteps = List.copyOf(resolutionSteps);
	}

}
