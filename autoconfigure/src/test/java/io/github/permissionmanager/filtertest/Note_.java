package io.github.permissionmanager.filtertest;

import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.StaticMetamodel;

/**
 * The static metamodel of {@link Note}, filled by Hibernate at startup.
 */
@StaticMetamodel(Note.class)
public abstract class Note_ {

	public static volatile SingularAttribute<Note, Long> id;

	public static volatile SingularAttribute<Note, Doc> doc;

}
