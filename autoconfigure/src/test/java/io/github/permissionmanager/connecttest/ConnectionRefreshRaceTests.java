package io.github.permissionmanager.connecttest;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import io.github.permissionmanager.connect.ConnectionCatalog;
import io.github.permissionmanager.connect.ConnectionState;
import io.github.permissionmanager.connect.OAuth2ConnectionBackend;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances renewing one user's expired connection at once, against a provider that
 * rotates refresh tokens (the stand-in Spring Authorization Server does): the instance
 * that loses the race sends a refresh token already spent and is refused with
 * {@code invalid_grant}. That is no revocation: it must keep, and use, the client the
 * winner stored, rather than delete it and ask the user to sign in again.
 */
class ConnectionRefreshRaceTests extends ConnectionTestBase {

	@Autowired
	OAuth2AuthorizedClientManager manager;

	@Autowired
	ConnectionCatalog catalog;

	@Test
	void aRefreshThatLosesTheRaceToAnotherInstanceUsesTheClientThatInstanceRenewed() throws Exception {
		Browser quentin = new Browser(app(), "quentin");
		quentin.signIn("/oauth2/authorization/calendar");
		expire("quentin");
		OAuth2AuthorizedClient stale = this.clients.loadAuthorizedClient("calendar", "quentin");
		Authentication user = UsernamePasswordAuthenticationToken.authenticated("quentin", null,
				AuthorityUtils.createAuthorityList("ROLE_USER"));
		// this instance's refresh is sent just after the other instance's
		AtomicReference<OAuth2AuthorizedClient> renewedThere = new AtomicReference<>();
		OAuth2AuthorizedClientManager raced = (request) -> {
			renewedThere.set(
					this.manager.authorize(OAuth2AuthorizeRequest.withAuthorizedClient(stale).principal(user).build()));
			return this.manager.authorize(request);
		};
		OAuth2ConnectionBackend here = new OAuth2ConnectionBackend(this.clients, raced, RestClient.create(),
				Clock.systemUTC());
		ConnectionState state = here.state(this.catalog.find("calendar"), user);
		OAuth2AuthorizedClient renewed = renewedThere.get();
		assertThat(renewed.getRefreshToken().getTokenValue()).isNotEqualTo(stale.getRefreshToken().getTokenValue());
		assertThat(state.status()).isEqualTo(ConnectionState.Status.CONNECTED);
		OAuth2AuthorizedClient stored = this.clients.loadAuthorizedClient("calendar", "quentin");
		assertThat(stored).isNotNull();
		assertThat(stored.getRefreshToken().getTokenValue()).isEqualTo(renewed.getRefreshToken().getTokenValue());
		assertThat(stored.getAccessToken().getTokenValue()).isEqualTo(renewed.getAccessToken().getTokenValue());
		// and the user's next call runs with it, no sign-in needed
		HttpResponse<String> published = quentin.appSend("POST", "/sessions/13/calendar", null);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		assertThat(this.calls.runs).containsOnlyOnce("publish 13");
		assertThat(api().acceptedTokens).contains(renewed.getAccessToken().getTokenValue());
	}

}
