package io.github.permissionmanager.testsupport;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users of the test applications' HTTP Basic sign-in: each user's password is its
 * name, which is what {@link Http} sends by default.
 */
public final class TestUsers {

	private TestUsers() {
	}

	/**
	 * Users whose password is their name, with the role {@code USER}. Only the lookup is
	 * exposed: as a {@code UserDetailsPasswordService} the store would let Spring
	 * Security re-encode each plain password with BCrypt at its first sign-in, and every
	 * later call would pay a BCrypt check.
	 * @param names the user names
	 * @return the users
	 */
	public static UserDetailsService passwordIsName(String... names) {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		for (String name : names) {
			users.createUser(User.withUsername(name).password("{noop}" + name).roles("USER").build());
		}
		return users::loadUserByUsername;
	}

}
