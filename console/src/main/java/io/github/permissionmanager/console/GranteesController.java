package io.github.permissionmanager.console;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.InvalidGrantException;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.SubjectGrants;
import io.github.permissionmanager.decide.SubjectGrantsLoader;
import io.github.permissionmanager.store.GranteeDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Grantees page: users and groups by part of their name, one grantee's grants (its
 * own and, for a user, those of its groups, roles expanded), memberships and expiries,
 * and the grant and revoke forms, which change grants through {@link PermissionGrants}.
 */
@Controller
@RequestMapping("${permission-manager.console.path:" + PermissionConsoleProperties.DEFAULT_PATH + "}")
@RequiresPermissions(rule = ConsoleRuleEnvironmentPostProcessor.RULE)
class GranteesController {

	private static final int SEARCH_LIMIT = 100;

	private final GranteeDirectory directory;

	private final PermissionGrants grants;

	private final SubjectGrantsLoader loader;

	private final Roles roles;

	private final String base;

	private final Clock clock = Clock.systemUTC();

	GranteesController(GranteeDirectory directory, PermissionGrants grants, SubjectGrantsLoader loader, Roles roles,
			ConsoleModel model) {
		Assert.notNull(directory, "directory cannot be null");
		Assert.notNull(grants, "grants cannot be null");
		Assert.notNull(loader, "loader cannot be null");
		Assert.notNull(roles, "roles cannot be null");
		this.directory = directory;
		this.grants = grants;
		this.loader = loader;
		this.roles = roles;
		this.base = model.base();
	}

	@GetMapping
	String home() {
		return "redirect:" + this.base + "/grantees";
	}

	@GetMapping("/grantees")
	String search(@RequestParam(name = "q", defaultValue = "") String text, Model model) {
		model.addAttribute("q", text);
		model.addAttribute("results", this.directory.search(text, SEARCH_LIMIT));
		if (!model.containsAttribute("grantForm")) {
			model.addAttribute("grantForm", new GrantForm());
		}
		return "permission-manager-console/grantees";
	}

	@GetMapping("/grantee")
	String grantee(@RequestParam String kind, @RequestParam String name, Model model) {
		Grantee grantee = switch (kind) {
			case "user" -> Grantee.user(name);
			case "group" -> Grantee.group(name);
			default -> throw new IllegalArgumentException("kind must be user or group");
		};
		Instant now = this.clock.instant();
		List<GrantRow> rows;
		List<String> related;
		if (grantee.kind() == Grantee.Kind.USER) {
			SubjectGrants loaded = this.loader.load(name, Set.of());
			rows = loaded.grants().stream().map((grant) -> GrantRow.of(grant, this.roles, now)).toList();
			related = List.copyOf(new TreeSet<>(loaded.storeGroups()));
		}
		else {
			rows = this.grants.permissionsOf(grantee)
				.stream()
				.map((grant) -> GrantRow.of(grant, this.roles, now))
				.toList();
			related = this.directory.membersOf(name);
		}
		GrantForm form = new GrantForm();
		form.setKind(kind);
		form.setName(name);
		model.addAttribute("grantee", grantee);
		model.addAttribute("kind", kind);
		model.addAttribute("direct", rows.stream().filter((row) -> row.group() == null).sorted(ORDER).toList());
		model.addAttribute("inherited", rows.stream().filter((row) -> row.group() != null).sorted(ORDER).toList());
		model.addAttribute("related", related);
		if (!model.containsAttribute("grantForm")) {
			model.addAttribute("grantForm", form);
		}
		return "permission-manager-console/grantee";
	}

	@PostMapping("/grants")
	String grant(@ModelAttribute("grantForm") GrantForm form, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!csrfProtected(request)) {
			return unprotected(model, response);
		}
		try {
			Grant grant = form.toGrant();
			this.grants.grant(grant);
			redirect.addFlashAttribute("notice", "Granted " + describe(grant) + ".");
			return redirectTo(grant);
		}
		catch (InvalidGrantException ex) {
			return invalid(ex.getField(), ex.getMessage(), model, response);
		}
	}

	@PostMapping("/grants/revoke")
	String revoke(@ModelAttribute("grantForm") GrantForm form, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!csrfProtected(request)) {
			return unprotected(model, response);
		}
		try {
			Grant grant = form.toGrant();
			this.grants.revoke(grant);
			redirect.addFlashAttribute("notice", "Revoked " + describe(grant) + ".");
			return redirectTo(grant);
		}
		catch (InvalidGrantException ex) {
			return invalid(ex.getField(), ex.getMessage(), model, response);
		}
	}

	// Spring Security's CSRF filter leaves its token on every request it protects; a
	// change
	// that arrives without one came through a filter chain with CSRF protection off (the
	// application's own, with permission-manager.console.login-form=false), where another
	// site could submit the form in an administrator's browser: refused, nothing changed
	private static boolean csrfProtected(HttpServletRequest request) {
		return request.getAttribute(CsrfToken.class.getName()) != null;
	}

	private static String unprotected(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("message",
				"The console changes grants only through a filter chain with CSRF protection on.");
		return "permission-manager-console/bad-request";
	}

	// the form comes back with what was typed and the message beside the field at fault:
	// a 400, as a bad grant is a 400 everywhere else
	private String invalid(String field, @Nullable String message, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("fieldError", field);
		model.addAttribute("fieldMessage", (message != null) ? message : "This value cannot be stored.");
		return search("", model);
	}

	private String redirectTo(Grant grant) {
		Grantee grantee = grant.grantee();
		return "redirect:" + UriComponentsBuilder.fromPath(this.base + "/grantee")
			.queryParam("kind", (grantee.kind() == Grantee.Kind.USER) ? "user" : "group")
			.queryParam("name", grantee.name())
			.build()
			.encode()
			.toUriString();
	}

	private static String describe(Grant grant) {
		StringBuilder text = new StringBuilder(grant.permission());
		if (grant.resourceType() != null) {
			text.append(" on ").append(grant.resourceType());
			if (grant.resourceId() != null) {
				text.append(':').append(grant.resourceId());
			}
		}
		if (grant.tenant() != null) {
			text.append(" in tenant ").append(grant.tenant());
		}
		return text.append(" to ")
			.append(grant.grantee().kind().name().toLowerCase())
			.append(' ')
			.append(grant.grantee().name())
			.toString();
	}

	private static final Comparator<GrantRow> ORDER = Comparator.comparing((GrantRow row) -> row.grant().permission())
		.thenComparing((row) -> String.valueOf(row.grant().resourceType()))
		.thenComparing((row) -> String.valueOf(row.grant().resourceId()));

}
