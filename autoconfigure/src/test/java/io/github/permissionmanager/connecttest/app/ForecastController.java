package io.github.permissionmanager.connecttest.app;

import java.security.Principal;
import java.util.Map;

import io.github.permissionmanager.Connection;
import io.github.permissionmanager.Connections;
import io.github.permissionmanager.RequiresConnections;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Handlers that call an API wanting its key in the request body ({@code forecast},
 * {@code key-location: body}) through {@code Connections#restClient}: as a form, as JSON,
 * without a body, and relaying a caller's field of the key's name.
 */
@RestController
class ForecastController {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final Connections connections;

	private final ConnectTestApplication.Calls calls;

	private final String provider;

	ForecastController(Connections connections, ConnectTestApplication.Calls calls,
			@Value("${test.provider-url}") String provider) {
		this.connections = connections;
		this.calls = calls;
		this.provider = provider;
	}

	@PostMapping("/forecast/form")
	@RequiresConnections(required = @Connection("forecast"))
	Map<String, Object> form(Principal user) {
		this.calls.runs.add("forecast form " + user.getName());
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("city", "Lyon");
		return postForm(form);
	}

	private Map<String, Object> postForm(MultiValueMap<String, String> form) {
		return this.connections.restClient("forecast")
			.post()
			.uri(this.provider + "/api/forecast/form")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(JSON);
	}

	@PostMapping("/forecast/json")
	@RequiresConnections(required = @Connection("forecast"))
	Map<String, Object> json(Principal user) {
		this.calls.runs.add("forecast json " + user.getName());
		return postJson(Map.of("city", "Nantes"));
	}

	private Map<String, Object> postJson(Map<String, String> body) {
		return this.connections.restClient("forecast")
			.post()
			.uri(this.provider + "/api/forecast/json")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(JSON);
	}

	@GetMapping("/forecast/get")
	@RequiresConnections(required = @Connection("forecast"))
	Map<String, Object> get(Principal user) {
		this.calls.runs.add("forecast get " + user.getName());
		return this.connections.restClient("forecast")
			.get()
			.uri(this.provider + "/api/forecast/form")
			.retrieve()
			.body(JSON);
	}

	// relays what the caller sent: a field of the key's name must not reach the API
	@PostMapping("/forecast/relay")
	@RequiresConnections(required = @Connection("forecast"))
	Map<String, Object> relay(Principal user, @RequestParam Map<String, String> fields) {
		this.calls.runs.add("forecast relay " + user.getName());
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		fields.forEach(form::add);
		return postForm(form);
	}

	@PostMapping("/forecast/relay-json")
	@RequiresConnections(required = @Connection("forecast"))
	Map<String, Object> relayJson(Principal user, @RequestParam Map<String, String> fields) {
		this.calls.runs.add("forecast relay-json " + user.getName());
		return postJson(fields);
	}

}
