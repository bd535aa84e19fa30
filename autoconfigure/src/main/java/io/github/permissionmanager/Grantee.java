package io.github.permissionmanager;

import org.springframework.util.Assert;

/**
 * Who a {@link Grant} is given to: a user or a group.
 *
 * @param kind whether the name is a user's or a group's
 * @param name the user or group name (case-sensitive)
 */
public record Grantee(Kind kind, String name) {

	public Grantee {
		Assert.notNull(kind, "kind cannot be null");
		Assert.hasText(name, "name cannot be empty");
	}

	/**
	 * A user.
	 * @param name the user name
	 * @return the grantee
	 */
	public static Grantee user(String name) {
		return new Grantee(Kind.USER, name);
	}

	/**
	 * A group.
	 * @param name the group name
	 * @return the grantee
	 */
	public static Grantee group(String name) {
		return new Grantee(Kind.GROUP, name);
	}

	/**
	 * Whether a grantee is a user or a group.
	 */
	public enum Kind {

		/** A single user. */
		USER,

		/** A group of users. */
		GROUP

	}

}
