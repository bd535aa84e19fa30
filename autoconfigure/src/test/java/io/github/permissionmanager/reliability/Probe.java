package io.github.permissionmanager.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every guarded method body that ran, so a test can assert that one did not.
 */
public final class Probe {

	private final List<String> ran = new CopyOnWriteArrayList<>();

	void ran(String what) {
		this.ran.add(what);
	}

	List<String> ran() {
		return List.copyOf(this.ran);
	}

	void reset() {
		this.ran.clear();
	}

}
