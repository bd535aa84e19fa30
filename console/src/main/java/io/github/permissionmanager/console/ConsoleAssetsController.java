package io.github.permissionmanager.console;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The two console resources a signed-out browser may read: the sign-in page and the
 * bundled style sheet (nothing is fetched from elsewhere).
 */
@Controller
@RequestMapping("${permission-manager.console.path:" + PermissionConsoleProperties.DEFAULT_PATH + "}")
class ConsoleAssetsController {

	/** The style sheet's path under the console's. */
	static final String STYLE_SHEET = "/console.css";

	private static final Resource CSS = new ClassPathResource("permission-manager-console/console.css");

	@GetMapping(STYLE_SHEET)
	ResponseEntity<Resource> styleSheet() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "css"))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
			.body(CSS);
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) @Nullable String error,
			@RequestParam(name = "signed-out", required = false) @Nullable String signedOut, Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("signedOut", signedOut != null);
		return "permission-manager-console/login";
	}

}
