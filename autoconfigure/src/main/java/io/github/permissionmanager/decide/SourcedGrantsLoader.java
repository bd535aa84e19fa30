package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.GrantSource;

import org.springframework.util.Assert;

/**
 * The store's grants of a subject united with those of every {@link GrantSource}, read
 * together when the subject's snapshot loads: an allow from any source allows, each grant
 * keeping the name of its source for {@code explain}. A source that throws fails the
 * load, and so the check, like a store that does not answer.
 */
public final class SourcedGrantsLoader implements SubjectGrantsLoader {

	private final SubjectGrantsLoader store;

	private final List<GrantSource> sources;

	/**
	 * Unite the store's grants with those of other sources.
	 * @param store reads the store
	 * @param sources the other sources, asked in order
	 */
	public SourcedGrantsLoader(SubjectGrantsLoader store, List<GrantSource> sources) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(sources, "sources cannot be null");
		this.store = store;
		this.sources = List.copyOf(sources);
	}

	/**
	 * The loader itself when there is no other source.
	 * @param store reads the store
	 * @param sources the other sources
	 * @return a loader of every source
	 */
	public static SubjectGrantsLoader of(SubjectGrantsLoader store, List<GrantSource> sources) {
		return sources.isEmpty() ? store : new SourcedGrantsLoader(store, sources);
	}

	@Override
	public SubjectGrants load(String user, Set<String> groups) {
		SubjectGrants stored = this.store.load(user, groups);
		Set<String> every = new LinkedHashSet<>(groups);
		every.addAll(stored.storeGroups());
		Set<Grant> fromStore = new HashSet<>(stored.grants());
		List<Grant> grants = new ArrayList<>(stored.grants());
		Map<Grant, String> names = new HashMap<>(stored.sources());
		for (GrantSource source : this.sources) {
			for (Grant grant : source.grants(user, Set.copyOf(every))) {
				boolean holds = switch (grant.grantee().kind()) {
					case USER -> grant.grantee().name().equals(user);
					case GROUP -> every.contains(grant.grantee().name());
				};
				if (holds && !fromStore.contains(grant)) {
					grants.add(grant);
					names.putIfAbsent(grant, source.name());
				}
			}
		}
		return new SubjectGrants(stored.storeGroups(), grants, names);
	}

}
