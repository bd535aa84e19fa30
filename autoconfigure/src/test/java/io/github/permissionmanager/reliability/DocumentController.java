package io.github.permissionmanager.reliability;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One annotation on the type and a handler for every verb. The handlers are
 * package-private, as Spring MVC handlers usually are: the type's annotation must govern
 * each of them.
 */
@RestController
@RequestMapping("/documents/{document_id}")
@RequiresPermissions(value = "document:write", fetch = "document_id")
class DocumentController {

	private final Probe probe;

	DocumentController(Probe probe) {
		this.probe = probe;
	}

	@GetMapping
	String get(@PathVariable("document_id") String id) {
		return ran("GET", id);
	}

	@PostMapping
	String post(@PathVariable("document_id") String id) {
		return ran("POST", id);
	}

	@PutMapping
	String put(@PathVariable("document_id") String id) {
		return ran("PUT", id);
	}

	@PatchMapping
	String patch(@PathVariable("document_id") String id) {
		return ran("PATCH", id);
	}

	@DeleteMapping
	String delete(@PathVariable("document_id") String id) {
		return ran("DELETE", id);
	}

	private String ran(String verb, String id) {
		this.probe.ran(verb + " " + id);
		return verb + " " + id;
	}

}
