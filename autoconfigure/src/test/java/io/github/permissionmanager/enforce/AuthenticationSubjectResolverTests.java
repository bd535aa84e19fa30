package io.github.permissionmanager.enforce;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.Subject;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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

	@Test
	void groupsClaimAddsItsNamesToTheAuthorityGroups() {
		Jwt jwt = jwt().claim("groups", List.of("readers", "writers", "", 7)).build();
		Subject subject = new AuthenticationSubjectResolver(true, "GROUP_", "groups")
			.resolve(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("GROUP_staff"))));
		assertThat(subject.groups()).containsExactlyInAnyOrder("staff", "readers", "writers");
	}

	@Test
	void groupsClaimAsOneStringIsSplitOnSpaces() {
		Jwt jwt = jwt().claim("groups", " readers  writers ").build();
		assertThat(new AuthenticationSubjectResolver(false, "GROUP_", "groups").resolve(new JwtAuthenticationToken(jwt))
			.groups()).containsExactlyInAnyOrder("readers", "writers");
	}

	@Test
	void groupsClaimOfThatExactNameComesBeforeADottedPath() {
		Jwt jwt = jwt().claim("https://example.com/groups", List.of("namespaced"))
			.claim("realm_access", Map.of("roles", List.of("nested")))
			.claim("realm_access.roles", List.of("flat"))
			.build();
		assertThat(resolve("https://example.com/groups", jwt).groups()).containsExactly("namespaced");
		assertThat(resolve("realm_access.roles", jwt).groups()).containsExactly("flat");
		Jwt nestedOnly = jwt().claim("realm_access", Map.of("roles", List.of("nested"))).build();
		assertThat(resolve("realm_access.roles", nestedOnly).groups()).containsExactly("nested");
	}

	@Test
	void groupsClaimOfAnotherShapeOrAbsentNamesNoGroup() {
		assertThat(resolve("groups", jwt().claim("groups", Map.of("a", "b")).build()).groups()).isEmpty();
		assertThat(resolve("groups", jwt().claim("groups", 42).build()).groups()).isEmpty();
		assertThat(resolve("groups", jwt().build()).groups()).isEmpty();
		assertThat(resolve("realm_access.roles", jwt().claim("realm_access", "x").build()).groups()).isEmpty();
	}

	@Test
	void groupsClaimIsNotReadWithoutAJwt() {
		assertThat(new AuthenticationSubjectResolver(true, "GROUP_", "groups")
			.resolve(new TestingAuthenticationToken("bob", "pw", "GROUP_staff"))
			.groups()).containsExactly("staff");
	}

	private static Subject resolve(String claim, Jwt jwt) {
		return new AuthenticationSubjectResolver(false, "GROUP_", claim).resolve(new JwtAuthenticationToken(jwt));
	}

	private static Jwt.Builder jwt() {
		return Jwt.withTokenValue("token")
			.header("alg", "none")
			.subject("carol")
			.issuedAt(Instant.parse("2026-01-01T00:00:00Z"));
	}

}
