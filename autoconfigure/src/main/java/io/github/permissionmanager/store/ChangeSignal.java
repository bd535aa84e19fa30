package io.github.permissionmanager.store;

/**
 * Told of each change the {@link ChangeLog} writes, inside the writing transaction, so
 * other instances can be woken before their next poll (PostgreSQL {@code pg_notify},
 * Redis pub/sub). A signal only wakes followers early: the change log stays the truth, so
 * a lost signal costs latency, never correctness. A signal must not throw for a failure
 * of its own infrastructure once the change is committed.
 */
@FunctionalInterface
public interface ChangeSignal {

	/**
	 * A change was written to the log, in the current transaction.
	 * @param position the position of its last row
	 */
	void changed(long position);

}
