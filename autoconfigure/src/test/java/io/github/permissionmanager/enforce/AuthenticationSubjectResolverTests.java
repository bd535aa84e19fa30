package io.github.permissionmanager.enforce;

import java.time.Instant;

import io.github.permissionmanager.Subject;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subject of a check, built from Spring Security's authentication.
 */
class AuthenticationSubjectResolverTests {

	@Test
	void idIsTheNameAndGroupsArePrefixedAuthoritiesWithoutThePrefix() {
		Subject subject = new AuthenticationSubjectResolver(true, "GROUP_")
			.resolve(new TestingAuthenticationToken("bob", "pw", "ROLE_USER", "GROUP_staff", "GROUP_"));
		assertThat(subject.id()).isEqualTo("bob");
		assertThat(subject.groups()).containsExactly("staff");
		assertThat(subject.attributes()).isEmpty();
	}

	@Test
	void emptyPrefixMakesEveryAuthorityAGroup() {
		Subject subject = new AuthenticationSubjectResolver(true, "")
			.resolve(new TestingAuthenticationToken("bob", "pw", "ROLE_USER", "staff"));
		assertThat(subject.groups()).containsExactlyInAnyOrder("ROLE_USER", "staff");
	}

	@Test
	void authoritiesAreNotGroupsWhenSwitchedOff() {
		Subject subject = new AuthenticationSubjectResolver(false, "GROUP_")
			.resolve(new TestingAuthenticationToken("bob", "pw", "GROUP_staff"));
		assertThat(subject.groups()).isEmpty();
	}

	@Test
	void jwtClaimsBecomeAttributes() {
		Jwt jwt = Jwt.withTokenValue("token")
			.header("alg", "none")
			.subject("carol")
			.claim("tenant", "acme")
			.issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
			.build();
		Subject subject = new AuthenticationSubjectResolver(true, "GROUP_").resolve(new JwtAuthenticationToken(jwt));
		assertThat(subject.id()).isEqualTo("carol");
		assertThat(subject.attributes()).containsEntry("tenant", "acme").containsEntry("sub", "carol");
	}

}
