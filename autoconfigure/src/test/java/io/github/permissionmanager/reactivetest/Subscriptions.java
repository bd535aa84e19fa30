package io.github.permissionmanager.reactivetest;

import java.util.ArrayList;
import java.util.List;

/**
 * What the guarded methods did: called (assembled their publisher) and subscribed.
 */
public final class Subscriptions {

	private final List<String> events = new ArrayList<>();

	synchronized void add(String event) {
		this.events.add(event);
	}

	synchronized List<String> events() {
		return List.copyOf(this.events);
	}

	synchronized void reset() {
		this.events.clear();
	}

}
