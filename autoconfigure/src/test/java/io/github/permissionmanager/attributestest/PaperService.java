package io.github.permissionmanager.attributestest;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.stereotype.Service;

/**
 * Methods guarded by rules whose model lookups read resource attributes.
 */
@Service
public class PaperService {

	@RequiresPermissions(value = "paper:edit", rule = "paper")
	public String edit(long id) {
		return "edited " + id;
	}

	@RequiresPermissions(value = "paper:edit", rule = "paper-of-note")
	public String editNote(long noteId) {
		return "edited note " + noteId;
	}

}
