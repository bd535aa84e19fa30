package io.github.permissionmanager;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * How fresh the grants a check reads must be (Zanzibar's consistency modes). A check
 * without one uses this instance's cache, which follows every change made on any instance
 * within {@code permission-manager.cache.sync.max-staleness}, or is not used at all.
 * <ul>
 * <li>{@link #atLeast(ConsistencyToken)}: the check sees the change the token came from,
 * or a later state. When this instance has followed the change log that far, the cache
 * answers; otherwise the check reads the store.</li>
 * <li>{@link #full()}: the check always reads the store.</li>
 * </ul>
 * The "new enemy" case: revoke Bob's access to a folder, then share a new document in it.
 * Keep the token the revoke returned with the document and check Bob's reads with
 * {@code Consistency.atLeast(token)}: no instance can let him read the document from a
 * cache that predates the revoke.
 */
public final class Consistency {

	private static final Consistency FULL = new Consistency(null);

	private final @Nullable ConsistencyToken token;

	private Consistency(@Nullable ConsistencyToken token) {
		this.token = token;
	}

	/**
	 * At least as fresh as a change.
	 * @param token the token of the change, from {@link PermissionGrants}
	 * @return the requirement
	 */
	public static Consistency atLeast(ConsistencyToken token) {
		Assert.notNull(token, "token cannot be null");
		return new Consistency(token);
	}

	/**
	 * Fully consistent: read the store, never the cache.
	 * @return the requirement
	 */
	public static Consistency full() {
		return FULL;
	}

	/**
	 * The token a check must be at least as fresh as.
	 * @return the token, or {@code null} for {@link #full()}
	 */
	public @Nullable ConsistencyToken token() {
		return this.token;
	}

	/**
	 * Whether the check must read the store whatever the cache has followed.
	 * @return {@code true} for {@link #full()}
	 */
	public boolean isFull() {
		return this.token == null;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof Consistency that) && Objects.equals(this.token, that.token);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.token);
	}

	@Override
	public String toString() {
		return (this.token != null) ? "atLeast(" + this.token.value() + ")" : "full";
	}

}
