package io.github.permissionmanager.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.store.AuditLog;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Audit page: the audit trail newest first, filtered by grantee and by day (UTC),
 * paged in the database by {@link AuditLog} (one statement a page, continuing from the
 * row id the previous page ended at).
 */
@Controller
@RequestMapping("${permission-manager.console.path:" + PermissionConsoleProperties.DEFAULT_PATH + "}")
@RequiresPermissions(rule = ConsoleRuleEnvironmentPostProcessor.RULE)
class AuditController {

	private final AuditLog audit;

	private final int pageSize;

	AuditController(AuditLog audit, int pageSize) {
		Assert.notNull(audit, "audit cannot be null");
		this.audit = audit;
		this.pageSize = pageSize;
	}

	@GetMapping("/audit")
	String audit(@RequestParam(defaultValue = "") String grantee, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String until, @RequestParam(required = false) @Nullable Long before,
			@RequestParam(required = false) @Nullable Long after, Model model, HttpServletResponse response) {
		model.addAttribute("grantee", grantee);
		model.addAttribute("from", from);
		model.addAttribute("until", until);
		Instant start;
		Instant end;
		try {
			start = day(from, 0);
		}
		catch (DateTimeException ex) {
			return invalid("from", model, response);
		}
		try {
			// the last day shown is included: the query ends where the next day starts
			end = day(until, 1);
		}
		catch (DateTimeException ex) {
			return invalid("until", model, response);
		}
		AuditLog.Page page = this.audit.page(new AuditLog.Query(grantee.isEmpty() ? null : grantee, start, end, before,
				(before == null) ? after : null, this.pageSize));
		model.addAttribute("page", page);
		if (!page.entries().isEmpty()) {
			model.addAttribute("first", page.entries().get(0).id());
			model.addAttribute("last", page.entries().get(page.entries().size() - 1).id());
		}
		return "permission-manager-console/audit";
	}

	private static @Nullable Instant day(String text, int plusDays) {
		return text.isEmpty() ? null
				: LocalDate.parse(text).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static String invalid(String field, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("fieldError", field);
		model.addAttribute("fieldMessage", "Write the day as 2026-12-31.");
		return "permission-manager-console/audit";
	}

}
