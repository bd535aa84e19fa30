package io.github.permissionmanager.console;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.autoconfigure.PermissionCatalogProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Explain page: why a user may or may not do something, as
 * {@link PermissionManager#explain(Subject, String, Resource)} answers it (the grant that
 * matched or what was missing), beside the catalog's text for the permission: what a
 * refused user would read.
 */
@Controller
@RequestMapping("${permission-manager.console.path:" + PermissionConsoleProperties.DEFAULT_PATH + "}")
@RequiresPermissions(rule = ConsoleRuleEnvironmentPostProcessor.RULE)
class ExplainController {

	/** What a refused user reads when the catalog says nothing of the permission. */
	static final String DEFAULT_USER_MESSAGE = "You do not have permission to perform this action.";

	private final PermissionManager permissions;

	private final PermissionCatalogProperties catalog;

	ExplainController(PermissionManager permissions, PermissionCatalogProperties catalog) {
		Assert.notNull(permissions, "permissions cannot be null");
		Assert.notNull(catalog, "catalog cannot be null");
		this.permissions = permissions;
		this.catalog = catalog;
	}

	@GetMapping("/explain")
	String explain(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String permission,
			@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String id,
			@RequestParam(defaultValue = "") String tenant, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("permission", permission);
		model.addAttribute("type", type);
		model.addAttribute("id", id);
		model.addAttribute("tenant", tenant);
		if (user.isEmpty() && permission.isEmpty()) {
			return "permission-manager-console/explain";
		}
		String field = user.isBlank() ? "user" : permission.isBlank() ? "permission"
				: (type.isEmpty() && (!id.isEmpty() || !tenant.isEmpty())) ? "type" : null;
		if (field != null) {
			model.addAttribute("fieldError", field);
			model.addAttribute("fieldMessage", switch (field) {
				case "user" -> "Enter a user name.";
				case "permission" -> "Enter a permission, such as session:update.";
				default -> "An object id or a tenant needs a resource type.";
			});
			return "permission-manager-console/explain";
		}
		Resource resource = null;
		if (!type.isEmpty()) {
			resource = id.isEmpty() ? Resource.ofType(type) : Resource.of(type, id);
			if (!tenant.isEmpty()) {
				resource = resource.withTenant(tenant);
			}
		}
		Decision decision = this.permissions.explain(Subject.of(user), permission, resource);
		model.addAttribute("decision", decision);
		PermissionCatalogProperties.CatalogEntry entry = this.catalog.getCatalog().get(permission);
		model.addAttribute("entry", entry);
		String userMessage = (entry != null) ? entry.getUserMessage() : null;
		model.addAttribute("userMessage", (userMessage != null) ? userMessage : DEFAULT_USER_MESSAGE);
		return "permission-manager-console/explain";
	}

}
