package io.github.permissionmanager.securitytest;

import java.util.ArrayList;
import java.util.List;

/**
 * What the guarded methods did, so a test can tell that a denied method never ran.
 */
public final class Calls {

	private final List<String> ran = new ArrayList<>();

	synchronized void ran(String what) {
		this.ran.add(what);
	}

	synchronized List<String> ran() {
		return List.copyOf(this.ran);
	}

	synchronized void reset() {
		this.ran.clear();
	}

}
