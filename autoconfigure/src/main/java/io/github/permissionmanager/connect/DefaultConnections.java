package io.github.permissionmanager.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.github.permissionmanager.ConnectionCredentials;
import io.github.permissionmanager.ConnectionRequiredException;
import io.github.permissionmanager.ConnectionSignedOutEvent;
import io.github.permissionmanager.ConnectionSignedOutEvent.Revocation;
import io.github.permissionmanager.ConnectionUnavailableException;
import io.github.permissionmanager.Connections;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.log.LogMessage;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * The {@link Connections} bean: answers through the {@link ConnectionChecker}, so a
 * method asks exactly what {@code @RequiresConnections} checks, and signs out by revoking
 * at the provider, removing the credentials, writing an audit row and publishing a
 * {@link ConnectionSignedOutEvent}.
 */
public final class DefaultConnections implements Connections {

	private static final Log logger = LogFactory.getLog(DefaultConnections.class);

	private final ConnectionCatalog catalog;

	private final ConnectionChecker checker;

	private final Supplier<RestClient.Builder> restClients;

	private final ConnectionAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Create the bean.
	 * @param catalog the connections
	 * @param checker checks them
	 * @param restClients supplies a fresh builder for each client
	 * @param audit records sign-ins and sign-outs
	 * @param events publishes the sign-out events
	 * @param clock the clock of the events and key expiries
	 */
	public DefaultConnections(ConnectionCatalog catalog, ConnectionChecker checker,
			Supplier<RestClient.Builder> restClients, ConnectionAudit audit, ApplicationEventPublisher events,
			Clock clock) {
		Assert.notNull(catalog, "catalog cannot be null");
		Assert.notNull(checker, "checker cannot be null");
		Assert.notNull(restClients, "restClients cannot be null");
		Assert.notNull(audit, "audit cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.catalog = catalog;
		this.checker = checker;
		this.restClients = restClients;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public boolean isAvailable(String connection) {
		return this.checker.isAvailable(connection, this.checker.user("Connections#isAvailable"));
	}

	@Override
	public Set<String> available() {
		Authentication user = this.checker.user("Connections#available");
		Set<String> available = new LinkedHashSet<>();
		for (String name : this.catalog.names()) {
			if (this.checker.isAvailable(name, user)) {
				available.add(name);
			}
		}
		return available;
	}

	@Override
	public ConnectionCredentials credentials(String connection) {
		ConnectionDefinition definition = this.checker.definition(connection);
		Authentication user = require(connection, "Connections#credentials");
		return unavailableOnFailure(definition, user,
				() -> this.checker.backend(definition).credentials(definition, user));
	}

	@Override
	public RestClient restClient(String connection) {
		ConnectionDefinition definition = this.checker.definition(connection);
		Authentication user = require(connection, "Connections#restClient");
		return unavailableOnFailure(definition, user,
				() -> this.checker.backend(definition).restClient(definition, user, this.restClients.get()));
	}

	private Authentication require(String connection, String what) {
		Authentication user = this.checker.user(what);
		this.checker.require(List.of(new ConnectionRequirement(connection, List.of())), what);
		return user;
	}

	@Override
	public void connectApiKey(String connection, String key, @Nullable Instant expiresAt) {
		Assert.hasText(key, "key cannot be empty");
		ConnectionDefinition definition = this.checker.definition(connection);
		ConnectionDefinition.ApiKey settings = definition.apiKey();
		if (settings == null || !(this.checker.backend(definition) instanceof ApiKeyConnectionBackend keys)) {
			throw new IllegalArgumentException("'" + connection + "' is not an API-key connection");
		}
		Authentication user = this.checker.user("Connections#connectApiKey");
		Duration expiration = settings.expiration();
		Instant expires = (expiresAt != null) ? expiresAt
				: (expiration != null) ? this.clock.instant().plus(expiration) : null;
		run(definition, user, () -> this.audit.inTransaction(() -> {
			keys.save(definition, user.getName(), key, expires);
			this.audit.connected(connection, user.getName());
		}));
	}

	@Override
	public ConnectionSignedOutEvent signOut(String connection) {
		ConnectionDefinition definition = this.checker.definition(connection);
		Authentication user = this.checker.user("Connections#signOut");
		ConnectionBackend backend = this.checker.backend(definition);
		// the provider is told first: once the credentials are gone here, nothing could
		// revoke them there
		Revocation revocation = revoke(definition, user, backend);
		run(definition, user, () -> this.audit.inTransaction(() -> {
			backend.remove(definition, user.getName());
			this.audit.signedOut(connection, user.getName(), revocation);
		}));
		ConnectionSignedOutEvent event = new ConnectionSignedOutEvent(user.getName(), connection,
				revocation != Revocation.NONE, revocation, this.clock.instant());
		logger.debug(LogMessage.format("%s signed out of %s (%s)", user.getName(), connection, revocation));
		this.events.publishEvent(event);
		return event;
	}

	private static Revocation revoke(ConnectionDefinition definition, Authentication user, ConnectionBackend backend) {
		try {
			return unavailableOnFailure(definition, user, () -> backend.revoke(definition, user.getName()));
		}
		catch (ConnectionUnavailableException ex) {
			// the stored credentials cannot be read (sealed under another key, a damaged
			// row, the store down): nothing can be revoked with them; they are removed
			// all the same when the store lets them be, else the removal fails below
			logger.warn(LogMessage.format("Could not read the credentials of %s for %s to revoke them: %s",
					definition.name(), user.getName(), ex.getMessage()));
			return Revocation.FAILED;
		}
	}

	private static void run(ConnectionDefinition definition, Authentication user, Runnable action) {
		unavailableOnFailure(definition, user, () -> {
			action.run();
			return Boolean.TRUE;
		});
	}

	private static <T> T unavailableOnFailure(ConnectionDefinition definition, Authentication user,
			Supplier<T> action) {
		try {
			return action.get();
		}
		catch (ConnectionRequiredException | ConnectionUnavailableException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new ConnectionUnavailableException(
					"'" + definition.name() + "' failed for " + user.getName() + ": " + ex.getClass().getName(), ex);
		}
	}

}
