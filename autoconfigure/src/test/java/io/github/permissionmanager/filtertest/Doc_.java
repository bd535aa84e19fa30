package io.github.permissionmanager.filtertest;

import java.util.UUID;

import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.StaticMetamodel;

/**
 * The static metamodel of {@link Doc}, written as a metamodel generator would, and filled
 * by Hibernate at startup.
 */
@StaticMetamodel(Doc.class)
public abstract class Doc_ {

	public static volatile SingularAttribute<Doc, Long> id;

	public static volatile SingularAttribute<Doc, Folder> folder;

	public static volatile SingularAttribute<Doc, String> code;

	public static volatile SingularAttribute<Doc, UUID> uuid;

	public static volatile SingularAttribute<Doc, String> tenant;

}
