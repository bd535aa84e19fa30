package io.github.permissionmanager.filtertest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Fills the tables once the application has started:
 * {@value FilterTestApplication#FOLDERS} folders, {@value FilterTestApplication#DOCS}
 * documents (every seventh with no folder, code, uuid or tenant; the others in tenants
 * {@value FilterTestApplication#TENANTS} in turn) and one note per document.
 */
public final class DemoRows implements SmartInitializingSingleton {

	private final FolderRepository folders;

	private final DocRepository docs;

	private final NoteRepository notes;

	DemoRows(FolderRepository folders, DocRepository docs, NoteRepository notes) {
		this.folders = folders;
		this.docs = docs;
		this.notes = notes;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Folder> folders = new ArrayList<>();
		for (long id = 1; id <= FilterTestApplication.FOLDERS; id++) {
			folders.add(new Folder(id, "folder " + id));
		}
		this.folders.saveAll(folders);
		List<Doc> docs = new ArrayList<>();
		for (long id = 1; id <= FilterTestApplication.DOCS; id++) {
			boolean bare = (id % 7 == 0);
			docs.add(new Doc(id, bare ? null : folders.get((int) (id % folders.size())), bare ? null : "c" + id,
					bare ? null : FilterTestApplication.uuidOf(id), "doc " + id, bare ? null : tenantOf(id)));
		}
		this.docs.saveAll(docs);
		this.notes.saveAll(docs.stream().map((doc) -> new Note(doc.getId(), doc)).toList());
	}

	private static String tenantOf(long id) {
		List<String> tenants = List.of(FilterTestApplication.TENANTS.split(","));
		return tenants.get((int) (id % tenants.size()));
	}

}
