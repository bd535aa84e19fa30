package io.github.permissionmanager.pdpclienttest;

import java.util.Set;
import java.util.TreeSet;

import io.github.permissionmanager.Logical;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.testsupport.OpenWebSecurity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service without a grant store of its own that guards its endpoints through a remote
 * decision point ({@code permission-manager.pdp.url}): HTTP Basic users whose password is
 * their name, a guarded document, one guarded with {@code ANY} and {@code optional}
 * permissions, and an unguarded endpoint.
 */
@SpringBootApplication
@Import(OpenWebSecurity.class)
public class PdpClientApplication {

	@Bean
	UserDetailsService users() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		for (String name : new String[] { "alice", "bob", "carol" }) {
			users.createUser(User.withUsername(name).password("{noop}" + name).roles("USER").build());
		}
		return users::loadUserByUsername;
	}

	@RestController
	static class DocumentController {

		@GetMapping("/docs/{doc_id}")
		@RequiresPermissions(value = "doc:read", fetch = "doc_id", resource = "doc")
		String read(@PathVariable("doc_id") String id) {
			return "doc " + id;
		}

		@GetMapping("/docs/{doc_id}/either")
		@RequiresPermissions(value = { "doc:read", "doc:write" }, logical = Logical.ANY, fetch = "doc_id",
				resource = "doc", optional = { "doc:delete", "doc:share" })
		Set<String> either(@PathVariable("doc_id") String id, PermissionContext context) {
			return new TreeSet<>(context.grantedPermissions());
		}

		@GetMapping("/open")
		String open() {
			return "open";
		}

	}

}
