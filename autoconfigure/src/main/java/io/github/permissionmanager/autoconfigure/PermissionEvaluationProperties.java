package io.github.permissionmanager.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How decisions are made and reported ({@code permission-manager.evaluation}).
 */
@ConfigurationProperties("permission-manager.evaluation")
public class PermissionEvaluationProperties {

	/**
	 * Longest a store read for a check may take before the check denies.
	 */
	private Duration timeout = Duration.ofSeconds(5);

	/**
	 * Whether to publish a PermissionDecisionEvent for every decision to the
	 * application's listeners of it (none are built when there is no listener).
	 */
	private boolean publishEvents = true;

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public boolean isPublishEvents() {
		return this.publishEvents;
	}

	public void setPublishEvents(boolean publishEvents) {
		this.publishEvents = publishEvents;
	}

}
