package io.github.permissionmanager.enforce;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.Subject;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
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

	@Test
	void theSameSpringSecurityTokenObjectIsResolvedOnceAndAnotherOneAnew() {
		AuthenticationSubjectResolver resolver = new AuthenticationSubjectResolver(true, "GROUP_");
		UsernamePasswordAuthenticationToken staff = UsernamePasswordAuthenticationToken.authenticated("bob", null,
				List.of(new SimpleGrantedAuthority("GROUP_staff")));
		Subject first = resolver.resolve(staff);
		assertThat(resolver.resolve(staff)).isSameAs(first);
		// the same name in another object: its own authorities, never the remembered ones
		UsernamePasswordAuthenticationToken noGroups = UsernamePasswordAuthenticationToken.authenticated("bob", null,
				List.of());
		assertThat(resolver.resolve(noGroups).groups()).isEmpty();
		assertThat(resolver.resolve(staff).groups()).containsExactly("staff");
		assertThat(resolver.resolve(new TestingAuthenticationToken("carol", "pw", "GROUP_ops")).id())
			.isEqualTo("carol");
	}

	@Test
	void anAuthenticationOfAnotherClassIsResolvedOnEveryCallSoAChangeItAnswersCounts() {
		AuthenticationSubjectResolver resolver = new AuthenticationSubjectResolver(true, "GROUP_");
		ChangingAuthentication authentication = new ChangingAuthentication("bob");
		authentication.authorities.add(new SimpleGrantedAuthority("GROUP_staff"));
		assertThat(resolver.resolve(authentication).groups()).containsExactly("staff");
		authentication.authorities.clear();
		assertThat(resolver.resolve(authentication).groups()).isEmpty();
		authentication.name = "carol";
		assertThat(resolver.resolve(authentication).id()).isEqualTo("carol");
	}

	@Test
	void aTokenHoldingAnAuthorityOfAnotherClassIsResolvedOnEveryCall() {
		AuthenticationSubjectResolver resolver = new AuthenticationSubjectResolver(true, "GROUP_");
		ChangingName authority = new ChangingName("GROUP_staff");
		TestingAuthenticationToken token = new TestingAuthenticationToken("bob", "pw", List.of(authority));
		assertThat(resolver.resolve(token).groups()).containsExactly("staff");
		authority.name = "GROUP_ops";
		assertThat(resolver.resolve(token).groups()).containsExactly("ops");
	}

	@Test
	void aNameThatChangesIsNeverAnsweredWithTheRememberedSubject() {
		AuthenticationSubjectResolver resolver = new AuthenticationSubjectResolver(true, "GROUP_");
		ChangingName principal = new ChangingName("bob");
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of());
		assertThat(resolver.resolve(token).id()).isEqualTo("bob");
		principal.name = "carol";
		assertThat(resolver.resolve(token).id()).isEqualTo("carol");
	}

	/** An application's authentication whose answers change. */
	private static final class ChangingAuthentication extends AbstractAuthenticationToken {

		final List<GrantedAuthority> authorities = new ArrayList<>();

		String name;

		ChangingAuthentication(String name) {
			super(List.of());
			this.name = name;
			setAuthenticated(true);
		}

		@Override
		public Collection<GrantedAuthority> getAuthorities() {
			return this.authorities;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return this.name;
		}

	}

	/** An application's authority, or a principal, whose name changes. */
	private static final class ChangingName implements GrantedAuthority, Principal {

		String name;

		ChangingName(String name) {
			this.name = name;
		}

		@Override
		public String getAuthority() {
			return this.name;
		}

		@Override
		public String getName() {
			return this.name;
		}

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
