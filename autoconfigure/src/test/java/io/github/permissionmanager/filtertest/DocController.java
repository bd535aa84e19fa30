package io.github.permissionmanager.filtertest;

import java.util.List;

import io.github.permissionmanager.Permitted;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists of documents guarded in the annotation world: the request's tenant, each row's
 * tenant, and two resources or-ed. Only served when the test application runs as a web
 * application.
 */
@RestController
class DocController {

	private final DocRepository docs;

	DocController(DocRepository docs) {
		Assert.notNull(docs, "docs cannot be null");
		this.docs = docs;
	}

	@GetMapping("/docs")
	List<Long> docs(@Permitted(value = "doc:read", resource = { "doc", "folder" },
			path = { "id", "folder" }) Specification<Doc> readable, Pageable pageable) {
		return this.docs.findAll(readable, pageable).map(Doc::getId).getContent();
	}

	@GetMapping("/tenants/{tenant}/docs")
	List<Long> docsOfTenant(@Permitted(value = "doc:read", resource = "doc", path = "id") Specification<Doc> readable,
			Pageable pageable) {
		return this.docs.findAll(readable, pageable).map(Doc::getId).getContent();
	}

	@GetMapping("/docs/in-their-tenants")
	List<Long> docsInTheirTenants(@Permitted(value = "doc:read", resource = "doc", path = "id",
			tenantOf = "tenant") Specification<Doc> readable, Pageable pageable) {
		return this.docs.findAll(readable, pageable).map(Doc::getId).getContent();
	}

}
