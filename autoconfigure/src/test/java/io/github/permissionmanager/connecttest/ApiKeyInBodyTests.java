package io.github.permissionmanager.connecttest;

import java.net.http.HttpResponse;

import io.github.permissionmanager.connecttest.provider.ProviderApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API key whose {@code key-location} is {@code body}, sent by
 * {@code Connections#restClient}: written into a form or JSON object body; a request
 * without such a body, or whose body already has a field of the key's name, is refused
 * before it leaves: a 503 problem, never a 500, and nothing reaches the API.
 */
class ApiKeyInBodyTests extends ConnectionTestBase {

	@Test
	void theKeyIsAFieldOfAFormBodyAndAMemberOfAJsonBody(CapturedOutput output) throws Exception {
		Browser eli = connected("eli");
		HttpResponse<String> form = eli.appSend("POST", "/forecast/form", null);
		assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
		assertThat(this.json.readTree(form.body()).get("forecast").asString()).isEqualTo("sunny in Lyon");
		HttpResponse<String> json = eli.appSend("POST", "/forecast/json", null);
		assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
		assertThat(this.json.readTree(json.body()).get("forecast").asString()).isEqualTo("sunny in Nantes");
		assertThat(this.calls.runs).containsOnlyOnce("forecast form eli", "forecast json eli");
		assertThat(output.getAll()).doesNotContain(ProviderApplication.API_KEY);
	}

	@Test
	void aRequestWithoutABodyIsRefusedBeforeItLeavesAndIsNoServerError(CapturedOutput output) throws Exception {
		Browser eli = connected("eli");
		int received = api().forecasts.size();
		HttpResponse<String> refused = eli.appGet("/forecast/get");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api().forecasts).hasSize(received);
		assertThat(output.getAll()).contains("goes in the request body as 'api_key'")
			.doesNotContain(ProviderApplication.API_KEY);
	}

	@Test
	void aCallersFieldOfTheKeysNameIsNeverSentBesideTheKey() throws Exception {
		Browser eli = connected("eli");
		int received = api().forecasts.size();
		HttpResponse<String> form = eli.appSend("POST", "/forecast/relay", "city=Paris&api_key=attackers-key");
		assertThat(form.statusCode()).as(form.body()).isEqualTo(503);
		HttpResponse<String> encoded = eli.appSend("POST", "/forecast/relay", "city=Paris&api%5Fkey=attackers-key");
		assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(503);
		HttpResponse<String> json = eli.appSend("POST", "/forecast/relay-json", "city=Paris&api_key=attackers-key");
		assertThat(json.statusCode()).as(json.body()).isEqualTo(503);
		assertThat(api().forecasts).hasSize(received);
		// without it, the relayed form carries the user's key and nothing else
		HttpResponse<String> plain = eli.appSend("POST", "/forecast/relay", "city=Paris");
		assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
		assertThat(api().forecasts).hasSize(received + 1).last().isEqualTo("form accepted");
	}

	private Browser connected(String user) {
		Browser browser = new Browser(app(), user);
		assertThat(browser.appSend("POST", "/connections/forecast", "key=" + ProviderApplication.API_KEY).statusCode())
			.isEqualTo(204);
		return browser;
	}

}
