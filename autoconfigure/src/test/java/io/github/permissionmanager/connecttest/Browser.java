package io.github.permissionmanager.connecttest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user's browser: a cookie jar, no automatic redirects (each step is looked at), HTTP
 * Basic credentials for the application and for the provider, and the steps of the
 * authorization-code flow as a browser takes them.
 */
final class Browser {

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String app;

	private final String user;

	Browser(String app, String user) {
		this.app = app;
		this.user = user;
	}

	HttpResponse<String> get(String url, @Nullable String credentials) {
		return send(HttpRequest.newBuilder(uri(url)).GET(), credentials);
	}

	HttpResponse<String> appGet(String path) {
		return get(this.app + path, this.user + ":" + this.user);
	}

	HttpResponse<String> appSend(String method, String path, @Nullable String form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(this.app + path))
			.method(method,
					(form != null) ? HttpRequest.BodyPublishers.ofString(form) : HttpRequest.BodyPublishers.noBody());
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		return send(request, this.user + ":" + this.user);
	}

	HttpResponse<String> postWithBearer(String url, String token) {
		return send(HttpRequest.newBuilder(uri(url))
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.noBody()), null);
	}

	HttpResponse<String> post(String url, String form, @Nullable String credentials) {
		return send(HttpRequest.newBuilder(uri(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)), credentials);
	}

	/**
	 * Sign in to a connection as a browser does: the application's sign-in URL sends the
	 * browser to the provider, where the user signs in (and consents to the scopes given,
	 * when the provider asks); the provider sends it back with a code, which the
	 * application exchanges; the application then sends it to the return path.
	 * @param signInUrl the sign-in URL, relative to the application
	 * @param consentTo the scopes to consent to when asked, or {@code null} to expect no
	 * consent page
	 * @return where the application finally sends the browser
	 */
	String signIn(String signInUrl, String @Nullable ... consentTo) {
		HttpResponse<String> start = appGet(signInUrl);
		assertThat(start.statusCode()).as("sign-in start: %s", start.body()).isEqualTo(302);
		String authorize = location(start);
		HttpResponse<String> atProvider = get(authorize, this.user + ":" + this.user + "-at-provider");
		if (atProvider.statusCode() == 200 && consentTo != null) {
			atProvider = consent(authorize, atProvider.body(), consentTo);
		}
		assertThat(atProvider.statusCode()).as("provider: %s", atProvider.body()).isEqualTo(302);
		String callback = location(atProvider);
		assertThat(callback).startsWith(this.app);
		HttpResponse<String> exchanged = get(callback, this.user + ":" + this.user);
		assertThat(exchanged.statusCode()).as("callback: %s", exchanged.body()).isEqualTo(302);
		HttpResponse<String> back = get(absolute(location(exchanged)), this.user + ":" + this.user);
		assertThat(back.statusCode()).as("way back: %s", back.body()).isEqualTo(302);
		return location(back);
	}

	private HttpResponse<String> consent(String authorize, String page, String... scopes) {
		Matcher state = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(page);
		assertThat(state.find()).as("consent page: %s", page).isTrue();
		Matcher client = Pattern.compile("client_id=([^&]+)").matcher(authorize);
		assertThat(client.find()).isTrue();
		StringBuilder form = new StringBuilder("client_id=").append(client.group(1))
			.append("&state=")
			.append(URLEncoder.encode(state.group(1), StandardCharsets.UTF_8));
		for (String scope : scopes) {
			form.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
		}
		URI endpoint = URI.create(authorize);
		return post(endpoint.getScheme() + "://" + endpoint.getAuthority() + endpoint.getPath(), form.toString(),
				this.user + ":" + this.user + "-at-provider");
	}

	String absolute(String location) {
		return location.startsWith("/") ? this.app + location : location;
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request, @Nullable String credentials) {
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static URI uri(String url) {
		return URI.create(url);
	}

}
