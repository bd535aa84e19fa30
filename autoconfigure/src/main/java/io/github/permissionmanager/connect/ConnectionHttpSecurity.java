package io.github.permissionmanager.connect;

import io.github.permissionmanager.caller.CurrentCaller;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationCodeGrantFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.util.Assert;

/**
 * Puts connections into every {@link HttpSecurity} of the application (Spring Security
 * applies {@code Customizer<HttpSecurity>} beans to each): Spring Security's OAuth2
 * client (the authorization request redirect and the code grant, whose code exchange
 * reads each provider's answer as it comes), the sign-in guard in front of the redirect,
 * and the callback guard around the code grant. The filters are not beans, so the servlet
 * container does not run them a second time outside the chain.
 */
public final class ConnectionHttpSecurity implements Customizer<HttpSecurity> {

	private final ConnectionCatalog catalog;

	private final ClientRegistrationRepository registrations;

	private final CurrentCaller caller;

	private final String defaultReturnTo;

	private final ProblemWriter problems;

	private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange;

	/**
	 * Create the customizer.
	 * @param catalog the connections
	 * @param registrations the client registrations
	 * @param caller reads the current user
	 * @param defaultReturnTo where the browser goes after a sign-in without a return path
	 * @param problems writes problem responses
	 * @param codeExchange exchanges the code of a sign-in for the tokens
	 */
	public ConnectionHttpSecurity(ConnectionCatalog catalog, ClientRegistrationRepository registrations,
			CurrentCaller caller, String defaultReturnTo, ProblemWriter problems,
			OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange) {
		Assert.notNull(catalog, "catalog cannot be null");
		Assert.notNull(registrations, "registrations cannot be null");
		Assert.notNull(caller, "caller cannot be null");
		Assert.isTrue(ReturnTo.isSafe(defaultReturnTo),
				() -> "permission-manager.connections.default-return-to must be a path of this application, not '"
						+ defaultReturnTo + "'");
		Assert.notNull(problems, "problems cannot be null");
		Assert.notNull(codeExchange, "codeExchange cannot be null");
		this.catalog = catalog;
		this.registrations = registrations;
		this.caller = caller;
		this.defaultReturnTo = defaultReturnTo;
		this.problems = problems;
		this.codeExchange = codeExchange;
	}

	@Override
	public void customize(HttpSecurity http) {
		http.oauth2Client((client) -> client
			.authorizationCodeGrant((grant) -> grant.accessTokenResponseClient(this.codeExchange)));
		http.addFilterBefore(new ConnectionSignInFilter(this.registrations, this.problems),
				OAuth2AuthorizationRequestRedirectFilter.class);
		http.addFilterBefore(new ConnectionCallbackFilter(this.catalog, this.registrations, this.caller,
				this.defaultReturnTo, this.problems), OAuth2AuthorizationCodeGrantFilter.class);
	}

}
