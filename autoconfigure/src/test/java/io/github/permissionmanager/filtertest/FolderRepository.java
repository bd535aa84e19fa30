package io.github.permissionmanager.filtertest;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Folders.
 */
public interface FolderRepository extends JpaRepository<Folder, Long> {

}
