package io.github.permissionmanager.enforcetest;

import io.github.permissionmanager.testsupport.OpenWebSecurity;
import io.github.permissionmanager.testsupport.TestUsers;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The application the enforcement tests run against: controllers and services guarded by
 * {@code @RequiresPermissions}, JPA entities on H2, a map-backed evaluator, and a
 * {@code @ControllerAdvice} that turns every exception into a 500. Spring Security lets
 * every request through to the handlers (anonymous ones too, so Permission Manager's own
 * 401 is what answers them), and its firewall lets through matrix content and any HTTP
 * method unless {@code enforcetest.strict-firewall=true}.
 */
@SpringBootApplication
@Import(OpenWebSecurity.class)
public class EnforceTestApplication {

	@Bean
	MapPermissionEvaluator mapPermissionEvaluator() {
		return new MapPermissionEvaluator();
	}

	@Bean
	SideEffects sideEffects() {
		return new SideEffects();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class WebSecurity {

		// For the real-port tests; the password is the user name
		@Bean
		UserDetailsService users() {
			return TestUsers.passwordIsName("bob");
		}

	}

	// Spring Security's default firewall answers 400 to a ';' in the path or a verb it
	// does not know before anything else runs; relaxed here (as an application may relax
	// it) so that the enforcement is what answers them. enforcetest.strict-firewall=true
	// keeps the default
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "enforcetest.strict-firewall", havingValue = false, matchIfMissing = true)
	static class RelaxedFirewall {

		@Bean
		HttpFirewall relaxedFirewall() {
			StrictHttpFirewall firewall = new StrictHttpFirewall();
			firewall.setAllowSemicolon(true);
			firewall.setUnsafeAllowAnyHttpMethod(true);
			return firewall;
		}

	}

}
