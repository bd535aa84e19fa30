package io.github.permissionmanager.securitytest;

import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.PermissionDecisionEvent;

import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationGrantedEvent;

/**
 * An application's listener for Spring Security's authorization events and Permission
 * Manager's own decision events.
 */
public class AuthorizationEvents {

	private final List<AuthorizationDeniedEvent<?>> denied = new ArrayList<>();

	private final List<AuthorizationGrantedEvent<?>> granted = new ArrayList<>();

	private final List<PermissionDecisionEvent> decisions = new ArrayList<>();

	@EventListener
	synchronized void on(AuthorizationDeniedEvent<?> event) {
		this.denied.add(event);
	}

	@EventListener
	synchronized void on(AuthorizationGrantedEvent<?> event) {
		this.granted.add(event);
	}

	@EventListener
	synchronized void on(PermissionDecisionEvent event) {
		this.decisions.add(event);
	}

	synchronized List<AuthorizationDeniedEvent<?>> denied() {
		return List.copyOf(this.denied);
	}

	synchronized List<AuthorizationGrantedEvent<?>> granted() {
		return List.copyOf(this.granted);
	}

	synchronized List<PermissionDecisionEvent> decisions() {
		return List.copyOf(this.decisions);
	}

	synchronized void reset() {
		this.denied.clear();
		this.granted.clear();
		this.decisions.clear();
	}

}
