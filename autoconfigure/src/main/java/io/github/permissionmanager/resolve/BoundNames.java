package io.github.permissionmanager.resolve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The names under which a bound form or body object can name a key's value, planned at
 * startup from the key (and the name the resolved value is known by, {@code fetch-as}). A
 * name that names a resource by its id ({@code event_id}, {@code eventId}) counts at any
 * depth of the object ({@code form.session.eventId}), and so does the {@code id} of the
 * association it names ({@code form.event.id}); any other name ({@code id}, {@code slug})
 * counts only as a property of the bound object itself, since a nested {@code id} is
 * another object's. A name with dots ({@code card.board.id}) is a property path from the
 * bound object.
 *
 * @param topLevel names read on the bound object itself
 * @param anyDepth names read at every depth, the bound object included
 * @param associations association names whose {@code id} is read at every depth
 * @param paths property paths read from the bound object
 */
record BoundNames(Set<String> topLevel, Set<String> anyDepth, Set<String> associations, List<List<String>> paths) {

	static final BoundNames NONE = new BoundNames(Set.of(), Set.of(), Set.of(), List.of());

	BoundNames {
		topLevel = Set.copyOf(topLevel);
		anyDepth = Set.copyOf(anyDepth);
		associations = Set.copyOf(associations);
		paths = List.copyOf(paths);
	}

	/**
	 * The names of a key and of the name its value is known by.
	 * @param key the key
	 * @param alias the {@code fetch-as} name, or {@code null}
	 * @return the names
	 */
	static BoundNames of(String key, @Nullable String alias) {
		Set<String> topLevel = new LinkedHashSet<>();
		Set<String> anyDepth = new LinkedHashSet<>();
		Set<String> associations = new LinkedHashSet<>();
		List<List<String>> paths = new ArrayList<>();
		for (String name : (alias != null && !alias.equals(key)) ? List.of(key, alias) : List.of(key)) {
			if (name.contains(".")) {
				paths.add(List.of(name.split("\\.")));
				continue;
			}
			String camel = ResolutionPlanner.camelCase(name);
			String association = ResolutionPlanner.associationName(camel);
			Set<String> into = (association != null) ? anyDepth : topLevel;
			into.add(name);
			into.add(camel);
			if (association != null) {
				associations.add(association);
			}
		}
		return new BoundNames(topLevel, anyDepth, associations, paths);
	}

	/**
	 * Whether the names are read below the bound object itself.
	 * @return whether a walk of the object is needed
	 */
	boolean deep() {
		return !this.anyDepth.isEmpty() || !this.associations.isEmpty();
	}

	/**
	 * Whether a property of the bound object itself (depth 0) or of a nested object
	 * carries a value for the key.
	 * @param name the property name
	 * @param depth 0 for the bound object
	 * @return whether it names the key
	 */
	boolean names(String name, int depth) {
		return this.anyDepth.contains(name) || (depth == 0 && this.topLevel.contains(name));
	}

}
