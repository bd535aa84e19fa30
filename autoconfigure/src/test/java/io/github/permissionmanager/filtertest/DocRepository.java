package io.github.permissionmanager.filtertest;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Documents, with specifications.
 */
public interface DocRepository extends JpaRepository<Doc, Long>, JpaSpecificationExecutor<Doc> {

}
