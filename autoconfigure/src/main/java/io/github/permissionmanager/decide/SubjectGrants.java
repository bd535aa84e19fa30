package io.github.permissionmanager.decide;

import java.util.List;
import java.util.Set;

import io.github.permissionmanager.Grant;
import org.springframework.util.Assert;

/**
 * What a {@link SubjectGrantsLoader} read for one subject: the groups the store makes the
 * user a member of, and every grant of the user and of its groups (those of the store and
 * those the subject carries), expired ones included.
 *
 * @param storeGroups the groups the store lists the user in
 * @param grants the grants of the user and of its groups
 */
public record SubjectGrants(Set<String> storeGroups, List<Grant> grants) {

	public SubjectGrants {
		Assert.notNull(storeGroups, "storeGroups cannot be null");
		Assert.notNull(grants, "grants cannot be null");
		storeGroups = Set.copyOf(storeGroups);
		grants = List.copyOf(grants);
	}

}
