package io.github.permissionmanager;

import org.springframework.util.Assert;

/**
 * Where a change made through {@link PermissionGrants} stands in the store's change log
 * (a Zanzibar "zookie"). Hand it to a check as
 * {@link Consistency#atLeast(ConsistencyToken)} and the check sees that change, or a
 * later state, on every instance, even one that has not followed the log that far yet.
 * <p>
 * A token travels as text ({@link #value()}, for example in a response header or next to
 * the content it protects) and comes back with {@link #parse(String)}. Tokens compare by
 * position: a later change has a larger one.
 *
 * @param position the change log position the token stands for; {@code 0} for a store
 * with no change yet
 */
public record ConsistencyToken(long position) implements Comparable<ConsistencyToken> {

	private static final String PREFIX = "pm1.";

	public ConsistencyToken {
		Assert.isTrue(position >= 0, "position cannot be negative");
	}

	/**
	 * The token as text, to hand to another instance or another request.
	 * @return the text form, for example {@code pm1.42}
	 */
	public String value() {
		return PREFIX + this.position;
	}

	/**
	 * Read a token from its text form.
	 * @param value the text form, as {@link #value()} wrote it
	 * @return the token
	 * @throws IllegalArgumentException when the text is not a token
	 */
	public static ConsistencyToken parse(String value) {
		Assert.notNull(value, "value cannot be null");
		if (!value.startsWith(PREFIX) || value.length() == PREFIX.length() || value.length() > PREFIX.length() + 19) {
			throw new IllegalArgumentException("Not a consistency token: '" + abbreviated(value) + "'");
		}
		for (int i = PREFIX.length(); i < value.length(); i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				throw new IllegalArgumentException("Not a consistency token: '" + abbreviated(value) + "'");
			}
		}
		try {
			return new ConsistencyToken(Long.parseLong(value.substring(PREFIX.length())));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a consistency token: '" + abbreviated(value) + "'", ex);
		}
	}

	/**
	 * The later of two tokens.
	 * @param other another token
	 * @return this token or the other, whichever stands for the later change
	 */
	public ConsistencyToken max(ConsistencyToken other) {
		Assert.notNull(other, "other cannot be null");
		return (other.position > this.position) ? other : this;
	}

	@Override
	public int compareTo(ConsistencyToken other) {
		return Long.compare(this.position, other.position);
	}

	@Override
	public String toString() {
		return value();
	}

	private static String abbreviated(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "..." : value;
	}

}
