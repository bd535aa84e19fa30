package io.github.permissionmanager.console;

import java.util.List;
import java.util.TreeSet;

import io.github.permissionmanager.GrantQuery;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.RequiresPermissions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Resources page: who can do something on a resource ("who can session:update on
 * event:2?"), as {@link PermissionGrants#users(GrantQuery)} and
 * {@link PermissionGrants#groups(GrantQuery)} answer it, with Edgy's two null-scope
 * options (do grants on every resource, and on every object of the type, count?).
 */
@Controller
@RequestMapping("${permission-manager.console.path:" + PermissionConsoleProperties.DEFAULT_PATH + "}")
@RequiresPermissions(rule = ConsoleRuleEnvironmentPostProcessor.RULE)
class ResourcesController {

	private final PermissionGrants grants;

	ResourcesController(PermissionGrants grants) {
		Assert.notNull(grants, "grants cannot be null");
		this.grants = grants;
	}

	// an unchecked box sends nothing, so a search sends "asked" to tell "unchecked" from
	// "a first visit" (both boxes checked, Edgy's defaults)
	@GetMapping("/resources")
	String whoCan(@RequestParam(defaultValue = "") String permission, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String tenant,
			@RequestParam(defaultValue = "false") boolean anyType, @RequestParam(defaultValue = "false") boolean anyId,
			@RequestParam(defaultValue = "false") boolean asked, Model model) {
		boolean includeNullType = !asked || anyType;
		boolean includeNullId = !asked || anyId;
		model.addAttribute("permission", permission);
		model.addAttribute("type", type);
		model.addAttribute("id", id);
		model.addAttribute("tenant", tenant);
		model.addAttribute("anyType", includeNullType);
		model.addAttribute("anyId", includeNullId);
		if (!asked) {
			return "permission-manager-console/resources";
		}
		if (permission.isBlank()) {
			model.addAttribute("fieldError", "permission");
			model.addAttribute("fieldMessage", "Enter a permission, such as session:update.");
			return "permission-manager-console/resources";
		}
		if (!id.isEmpty() && type.isEmpty()) {
			model.addAttribute("fieldError", "id");
			model.addAttribute("fieldMessage", "An object id needs a resource type.");
			return "permission-manager-console/resources";
		}
		GrantQuery.Builder query = GrantQuery.builder()
			.permissions(permission)
			.includeNullResourceType(includeNullType)
			.includeNullResourceId(includeNullId);
		if (!type.isEmpty()) {
			query.resourceTypes(type);
		}
		if (!id.isEmpty()) {
			query.objectIds(id);
		}
		if (!tenant.isEmpty()) {
			query.tenants(tenant);
		}
		GrantQuery built = query.build();
		model.addAttribute("users", List.copyOf(new TreeSet<>(this.grants.users(built))));
		model.addAttribute("groups", List.copyOf(new TreeSet<>(this.grants.groups(built))));
		model.addAttribute("answered", true);
		return "permission-manager-console/resources";
	}

}
