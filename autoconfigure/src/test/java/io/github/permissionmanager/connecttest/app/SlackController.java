package io.github.permissionmanager.connecttest.app;

import java.security.Principal;
import java.util.Map;

import io.github.permissionmanager.Connection;
import io.github.permissionmanager.Connections;
import io.github.permissionmanager.RequiresConnections;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A handler that posts to Slack through the user's Slack connection (the {@code slack}
 * preset, its endpoints pointed at the stand-in).
 */
@RestController
class SlackController {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final Connections connections;

	private final ConnectTestApplication.Calls calls;

	private final String slack;

	SlackController(Connections connections, ConnectTestApplication.Calls calls,
			@Value("${test.slack-url}") String slack) {
		this.connections = connections;
		this.calls = calls;
		this.slack = slack;
	}

	@PostMapping("/slack/announce")
	@RequiresConnections(required = @Connection(value = "slack", scopes = "chat:write"))
	Map<String, Object> announce(Principal user) {
		this.calls.runs.add("announce " + user.getName());
		return this.connections.restClient("slack")
			.post()
			.uri(this.slack + "/api/chat.postMessage")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("channel=C123ABC456&text=hello")
			.retrieve()
			.body(JSON);
	}

}
