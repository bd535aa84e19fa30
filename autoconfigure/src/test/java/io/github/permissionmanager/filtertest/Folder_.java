package io.github.permissionmanager.filtertest;

import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.StaticMetamodel;

/**
 * The static metamodel of {@link Folder}, filled by Hibernate at startup.
 */
@StaticMetamodel(Folder.class)
public abstract class Folder_ {

	public static volatile SingularAttribute<Folder, Long> id;

}
