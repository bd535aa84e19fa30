package io.github.permissionmanager.caller;

import java.security.Principal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who counts as an authenticated caller, call after call with the same authentication
 * object: what can change is read every time.
 */
class CurrentCallerTests {

	private final CurrentCaller caller = new CurrentCaller();

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aSignedInCallerIsTheSameAuthenticationCallAfterCall() {
		UsernamePasswordAuthenticationToken bob = UsernamePasswordAuthenticationToken.authenticated("bob", null,
				List.of());
		SecurityContextHolder.getContext().setAuthentication(bob);
		assertThat(this.caller.authentication()).isSameAs(bob);
		assertThat(this.caller.authentication()).isSameAs(bob);
		assertThat(this.caller.name()).isEqualTo("bob");
	}

	@Test
	void theSameObjectNoLongerAuthenticatedIsNobody() {
		TestingAuthenticationToken bob = new TestingAuthenticationToken("bob", "pw", List.of());
		bob.setAuthenticated(true);
		assertThat(this.caller.authenticated(bob)).isSameAs(bob);
		bob.setAuthenticated(false);
		assertThat(this.caller.authenticated(bob)).isNull();
	}

	@Test
	void aBlankNameIsNobodyEveryTime() {
		UsernamePasswordAuthenticationToken blank = UsernamePasswordAuthenticationToken.authenticated(" ", null,
				List.of());
		assertThat(this.caller.authenticated(blank)).isNull();
		assertThat(this.caller.authenticated(blank)).isNull();
	}

	@Test
	void aPrincipalWhoseNameTurnsBlankIsNobodyFromThen() {
		ChangingName principal = new ChangingName("bob");
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of());
		assertThat(this.caller.authenticated(token)).isSameAs(token);
		principal.name = "";
		assertThat(this.caller.authenticated(token)).isNull();
	}

	@Test
	void anAnonymousAuthenticationIsNobody() {
		AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		assertThat(this.caller.authenticated(anonymous)).isNull();
		assertThat(this.caller.authenticated(anonymous)).isNull();
	}

	/** A principal whose name changes. */
	private static final class ChangingName implements Principal {

		String name;

		ChangingName(String name) {
			this.name = name;
		}

		@Override
		public String getName() {
			return this.name;
		}

	}

}
