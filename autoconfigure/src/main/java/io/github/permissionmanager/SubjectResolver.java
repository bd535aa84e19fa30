package io.github.permissionmanager;

import org.springframework.security.core.Authentication;

/**
 * Builds the {@link Subject} of a check from the current Spring Security
 * {@link Authentication}. Declare a bean of this type to replace
 * {@link AuthenticationSubjectResolver}.
 */
@FunctionalInterface
public interface SubjectResolver {

	/**
	 * The subject of an authenticated, non-anonymous user.
	 * @param authentication the authentication
	 * @return the subject
	 */
	Subject resolve(Authentication authentication);

}
