package io.github.permissionmanager.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notes whose entries are read with {@code note:read} and appended with
 * {@code note:write}.
 */
@RestController
class NoteController {

	private final Probe probe;

	private final Map<String, List<String>> entries = new ConcurrentHashMap<>();

	NoteController(Probe probe) {
		this.probe = probe;
	}

	@GetMapping("/notes/{note_id}")
	@RequiresPermissions(value = "note:read", fetch = "note_id")
	List<String> read(@PathVariable("note_id") String id) {
		this.probe.ran("read " + id);
		return List.copyOf(this.entries.getOrDefault(id, List.of()));
	}

	@GetMapping("/notes/{note_id}/staff")
	@RequiresPermissions(value = "note:read", fetch = "note_id", check = "#subject.groups().contains('staff')")
	List<String> readAsStaff(@PathVariable("note_id") String id) {
		this.probe.ran("staff read " + id);
		return List.copyOf(this.entries.getOrDefault(id, List.of()));
	}

	@PostMapping("/notes/{note_id}")
	@RequiresPermissions(value = "note:write", fetch = "note_id")
	String append(@PathVariable("note_id") String id, @RequestBody String entry) {
		this.probe.ran("append " + id);
		this.entries.computeIfAbsent(id, (key) -> new CopyOnWriteArrayList<>()).add(entry);
		return "appended";
	}

}
