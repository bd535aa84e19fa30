package io.github.permissionmanager.enforcetest;

import org.jspecify.annotations.Nullable;

/**
 * Which collaborator of the enforcement path fails next, and with what: any throwable,
 * checked exceptions included (thrown undeclared, as Kotlin or Groovy code does).
 */
public class Faults {

	private volatile @Nullable String collaborator;

	private volatile @Nullable Throwable failure;

	public void fail(String collaborator, Throwable failure) {
		this.collaborator = collaborator;
		this.failure = failure;
	}

	public void reset() {
		this.collaborator = null;
		this.failure = null;
	}

	/**
	 * Throw the configured failure when it is this collaborator's turn.
	 * @param collaborator the collaborator asking
	 */
	public void maybeFail(String collaborator) {
		Throwable toThrow = this.failure;
		if (toThrow != null && collaborator.equals(this.collaborator)) {
			Faults.<RuntimeException>sneaky(toThrow);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T extends Throwable> void sneaky(Throwable failure) throws T {
		throw (T) failure;
	}

	/**
	 * Handed to SpEL as a subject attribute, so a condition can call into code that
	 * fails.
	 */
	public class Probe {

		public boolean ok() {
			maybeFail("spel");
			return true;
		}

	}

}
