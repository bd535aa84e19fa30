package io.github.permissionmanager.enforcetest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every guarded method body that ran, so a test can assert one did not.
 */
public class SideEffects {

	private final List<String> ran = new CopyOnWriteArrayList<>();

	public void ran(String what) {
		this.ran.add(what);
	}

	public List<String> ran() {
		return List.copyOf(this.ran);
	}

	public void reset() {
		this.ran.clear();
	}

}
