package io.github.permissionmanager.console;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.actuate.PermissionsDescriptor;
import io.github.permissionmanager.actuate.PermissionsEndpoint;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The Rules page: every guarded method with the rule startup validation resolved for it
 * (permissions, HTTP methods, conditions, where the resource comes from) and the
 * catalog's entry for each permission, as the Actuator {@code permissions} endpoint
 * ({@link PermissionsEndpoint#permissions()}) describes them, and the roles expanded.
 */
@Controller
@RequestMapping("${permission-manager.console.path:" + PermissionConsoleProperties.DEFAULT_PATH + "}")
@RequiresPermissions(rule = ConsoleRuleEnvironmentPostProcessor.RULE)
class RulesController {

	private final Supplier<PermissionsDescriptor> descriptor;

	RulesController(Supplier<PermissionsDescriptor> descriptor) {
		Assert.notNull(descriptor, "descriptor cannot be null");
		this.descriptor = descriptor;
	}

	@GetMapping("/rules")
	String rules(Model model) {
		PermissionsDescriptor described = this.descriptor.get();
		List<Guarded> guarded = described.guarded()
			.stream()
			// the application's methods first, the console's own last
			.sorted(Comparator
				.comparing((PermissionsDescriptor.GuardedMethod method) -> method.className()
					.startsWith(RulesController.class.getPackageName() + "."))
				.thenComparing(PermissionsDescriptor.GuardedMethod::className)
				.thenComparing(PermissionsDescriptor.GuardedMethod::method))
			.map((method) -> new Guarded(ClassUtils.getShortName(method.className()), method))
			.toList();
		model.addAttribute("guarded", guarded);
		model.addAttribute("roles", described.roles());
		model.addAttribute("catalog", described.catalog());
		return "permission-manager-console/rules";
	}

	/**
	 * A guarded method as the page lists it.
	 *
	 * @param type the short name of its class
	 * @param method the method and its rule
	 */
	record Guarded(String type, PermissionsDescriptor.GuardedMethod method) {
	}

}
