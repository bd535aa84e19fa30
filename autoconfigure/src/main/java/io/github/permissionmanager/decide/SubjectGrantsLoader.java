package io.github.permissionmanager.decide;

import java.util.Set;

/**
 * Reads everything one subject's decisions need, in one round trip to the store. The JDBC
 * store implements it; the {@link GrantSnapshotCache} calls it on a miss.
 */
@FunctionalInterface
public interface SubjectGrantsLoader {

	/**
	 * Read a subject's grants.
	 * @param user the user id
	 * @param groups groups the subject carries besides the store's memberships (e.g. from
	 * its authorities)
	 * @return the store's groups of the user and the grants of the user and all its
	 * groups
	 */
	SubjectGrants load(String user, Set<String> groups);

}
