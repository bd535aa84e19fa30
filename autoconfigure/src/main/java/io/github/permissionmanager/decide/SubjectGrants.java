package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Grant;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a {@link SubjectGrantsLoader} read for one subject: the groups the store makes the
 * user a member of, and every grant of the user and of its groups (those of the store and
 * those the subject carries), expired ones included.
 *
 * @param storeGroups the groups the store lists the user in
 * @param grants the grants of the user and of its groups
 * @param sources the source of each grant that did not come from the store (a
 * {@link io.github.permissionmanager.GrantSource}), by name
 */
public record SubjectGrants(Set<String> storeGroups, List<Grant> grants, Map<Grant, String> sources) {

	public SubjectGrants {
		Assert.notNull(storeGroups, "storeGroups cannot be null");
		Assert.notNull(grants, "grants cannot be null");
		Assert.notNull(sources, "sources cannot be null");
		storeGroups = Set.copyOf(storeGroups);
		grants = List.copyOf(grants);
		sources = Map.copyOf(sources);
	}

	/**
	 * What the store read: every grant from the store.
	 * @param storeGroups the groups the store lists the user in
	 * @param grants the grants of the user and of its groups
	 */
	public SubjectGrants(Set<String> storeGroups, List<Grant> grants) {
		this(storeGroups, grants, Map.of());
	}

	/**
	 * The source a grant came from, as {@code explain} names it.
	 * @param grant one of the grants
	 * @return the name of its source, or {@code null} for the store
	 */
	public @Nullable String sourceOf(Grant grant) {
		return this.sources.isEmpty() ? null : this.sources.get(grant);
	}

	/**
	 * The grants that count in a subject's decisions now: those of the user and of its
	 * groups, unexpired.
	 * @param user the user id
	 * @param groups every group of the subject: those it carries and the store's
	 * @param nowMillis the current time, in epoch milliseconds
	 * @return the grants in force, in the order they were read
	 */
	public List<Grant> inForce(String user, Set<String> groups, long nowMillis) {
		List<Grant> inForce = new ArrayList<>(this.grants.size());
		for (Grant grant : this.grants) {
			if (inForce(grant, user, groups, nowMillis)) {
				inForce.add(grant);
			}
		}
		return inForce;
	}

	/**
	 * Whether one of the grants counts in a subject's decisions now, as
	 * {@link #inForce(String, Set, long)} keeps it: a snapshot's build asks grant by
	 * grant, with no list of its own.
	 * @param grant one of the grants
	 * @param user the user id
	 * @param groups every group of the subject: those it carries and the store's
	 * @param nowMillis the current time, in epoch milliseconds
	 * @return whether the grant is the user's or one of its groups', and unexpired
	 */
	public static boolean inForce(Grant grant, String user, Set<String> groups, long nowMillis) {
		boolean holds = switch (grant.grantee().kind()) {
			case USER -> grant.grantee().name().equals(user);
			case GROUP -> groups.contains(grant.grantee().name());
		};
		return holds && (grant.expiresAt() == null || grant.expiresAt().toEpochMilli() > nowMillis);
	}

}
