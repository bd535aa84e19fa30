package io.github.permissionmanager.console;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every console page is given (the console's path, for its links and forms), and the
 * page shown when the grant store cannot be read: a 503 that says to try again, never a
 * stack trace or a 500.
 */
@ControllerAdvice(assignableTypes = { GranteesController.class, ResourcesController.class, ExplainController.class,
		AuditController.class, RulesController.class, ConsoleAssetsController.class })
class ConsoleModel {

	private final String base;

	ConsoleModel(String base) {
		Assert.hasText(base, "base cannot be empty");
		this.base = base;
	}

	/**
	 * The console's path.
	 * @return the path, such as {@code /permissions-console}
	 */
	@ModelAttribute("base")
	String base() {
		return this.base;
	}

	// a value no grant, subject or resource can hold (an empty name, say): the caller's
	// mistake, said on a page of its own
	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(IllegalArgumentException ex, Model model) {
		model.addAttribute("base", this.base);
		model.addAttribute("message", ex.getMessage());
		return "permission-manager-console/bad-request";
	}

	@ExceptionHandler(DataAccessException.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String storeUnavailable(Model model) {
		model.addAttribute("base", this.base);
		return "permission-manager-console/unavailable";
	}

}
