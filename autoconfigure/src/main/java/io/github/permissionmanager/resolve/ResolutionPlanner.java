package io.github.permissionmanager.resolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Plans the resolution of one method at startup, and reports what cannot work: a model on
 * an application without JPA, an unknown entity or attribute, a key that no source can
 * provide for the method.
 */
public final class ResolutionPlanner {

	private static final String DEFAULT_LOOKUP_KEY = "id";

	private final @Nullable ModelQueries modelQueries;

	/**
	 * Create a planner.
	 * @param modelQueries the model lookups, or {@code null} when the application has no
	 * JPA
	 */
	public ResolutionPlanner(@Nullable ModelQueries modelQueries) {
		this.modelQueries = modelQueries;
	}

	/**
	 * Plan a method's resolution.
	 * @param spec what the rule asks for
	 * @param sources what the method can provide
	 * @param problems where problems are added, one sentence each
	 * @return the plan, or {@code null} for an unscoped check (no {@code fetch}) or when
	 * there were problems
	 */
	public @Nullable ResolutionPlan plan(ResolutionSpec spec, MethodSources sources, List<String> problems) {
		int before = problems.size();
		if (!checkFetch(spec, problems)) {
			return null;
		}
		for (String key : spec.fetch()) {
			checkOneArgument("fetch", key, sources, problems);
			checkReadable("fetch", key, spec.fetchAs(), sources, problems);
		}
		int size = spec.fetch().size();
		KeySource[] keys = new KeySource[size];
		String[] names = new String[size];
		String[] types = new String[size];
		for (int i = 0; i < size; i++) {
			String key = spec.fetch().get(i);
			keys[i] = sources.keySource(key, spec.fetchAs());
			names[i] = (spec.fetchAs() != null) ? spec.fetchAs() : key;
			types[i] = resourceType(spec.resource(), names[i]);
		}
		List<String> unprovidableLookups = new ArrayList<>();
		List<ModelLookup> lookups = planLookups(spec, sources, problems, unprovidableLookups);
		boolean providable = !lookups.isEmpty() || spec.fetch().stream().anyMatch(sources::canProvide);
		if (!providable && problems.size() == before) {
			problems.add("no source can provide fetch " + spec.fetch()
					+ ": it is not a parameter, not a path variable or required parameter of the mapping, and "
					+ (unprovidableLookups.isEmpty() ? "there is no model"
							: "no model's fetch-key-url can be provided " + unprovidableLookups));
		}
		if (problems.size() > before) {
			return null;
		}
		return new ResolutionPlan(keys, names, types, lookups);
	}

	private List<ModelLookup> planLookups(ResolutionSpec spec, MethodSources sources, List<String> problems,
			List<String> unprovidable) {
		List<String> models = spec.models();
		if (models.isEmpty()) {
			return List.of();
		}
		List<String> lookupKeys = spec.fetchKeyUrl();
		if (!checkModels(spec, problems) || this.modelQueries == null) {
			return List.of();
		}
		List<ModelLookup> lookups = new ArrayList<>();
		for (int i = 0; i < models.size(); i++) {
			String lookupKey = lookupKeys.isEmpty() ? DEFAULT_LOOKUP_KEY
					: lookupKeys.get((lookupKeys.size() == 1) ? 0 : i);
			ModelQuery query;
			try {
				query = this.modelQueries.plan(models.get(i), spec.fetch(), spec.fetchKeyModel(), spec.attributes());
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage());
				continue;
			}
			checkOneArgument("fetch-key-url", lookupKey, sources, problems);
			checkReadable("fetch-key-url", lookupKey, null, sources, problems);
			if (!sources.canProvide(lookupKey)) {
				// a shared rule may name a lookup key that only some of its methods have
				unprovidable.add(lookupKey);
				continue;
			}
			String name = (spec.fetchAs() != null) ? spec.fetchAs() : query.fetchKey();
			lookups
				.add(new ModelLookup(query, sources.keySource(lookupKey), name, resourceType(spec.resource(), name)));
		}
		return lookups;
	}

	/**
	 * Add a problem when a key names more than one argument of the method.
	 * @param attribute the attribute the key is read for, for the message
	 * @param key the key
	 * @param sources what the method can provide
	 * @param problems where the problem is added
	 */
	public static void checkOneArgument(String attribute, String key, MethodSources sources, List<String> problems) {
		if (sources.namesSeveralArguments(key)) {
			String problem = attribute + " '" + key + "' names several arguments of the method, so the check could read"
					+ " another one than the method uses; give each argument its own name";
			if (!problems.contains(problem)) {
				problems.add(problem);
			}
		}
	}

	/**
	 * Add a problem when a bound argument can be filled under one of a key's names that
	 * cannot be read back, so a body could name another object where the check cannot see
	 * it.
	 * @param attribute the attribute the key is read for, for the message
	 * @param key the key
	 * @param alias the {@code fetch-as} name, or {@code null}
	 * @param sources what the method can provide
	 * @param problems where the problem is added
	 */
	static void checkReadable(String attribute, String key, @Nullable String alias, MethodSources sources,
			List<String> problems) {
		List<String> writeOnly = sources.writeOnlyNames(key, alias);
		if (!writeOnly.isEmpty()) {
			problems.add(attribute + " '" + key + "': request data can fill " + writeOnly + " of a bound argument,"
					+ " which cannot be read back to compare with the checked value (a setter, @JsonSetter or"
					+ " constructor parameter without a getter or field of that name); add a getter");
		}
	}

	/**
	 * Check what a rule asks for on its own, whatever method uses it (or none does): the
	 * keys, and that each model is an entity with the attributes named.
	 * @param spec what the rule asks for
	 * @param problems where problems are added, one sentence each
	 */
	public void validate(ResolutionSpec spec, List<String> problems) {
		if (!checkFetch(spec, problems) || spec.models().isEmpty() || !checkModels(spec, problems)
				|| this.modelQueries == null) {
			return;
		}
		for (String model : spec.models()) {
			try {
				this.modelQueries.plan(model, spec.fetch(), spec.fetchKeyModel(), spec.attributes());
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage());
			}
		}
	}

	// false when the spec cannot be planned further
	private static boolean checkFetch(ResolutionSpec spec, List<String> problems) {
		if (!checkAttributes(spec, problems)) {
			return false;
		}
		if (spec.fetch().isEmpty()) {
			if (!spec.models().isEmpty() || spec.fetchAs() != null || spec.resource() != null
					|| !spec.fetchKeyUrl().isEmpty() || spec.fetchKeyModel() != null) {
				problems.add("fetch-as, model, fetch-key-url, fetch-key-model and resource need fetch");
			}
			return false;
		}
		for (String key : spec.fetch()) {
			if (!StringUtils.hasText(key)) {
				problems.add("fetch has an empty key");
				return false;
			}
		}
		return true;
	}

	// attributes are read by the model lookup, and known by their last segment: a rule
	// without a model, or two attributes of one name, could not give conditions what
	// they read
	private static boolean checkAttributes(ResolutionSpec spec, List<String> problems) {
		if (spec.attributes().isEmpty()) {
			return true;
		}
		if (spec.models().isEmpty()) {
			problems.add("attributes " + spec.attributes() + " are read by the model lookup, but there is no model");
			return false;
		}
		Set<String> names = new HashSet<>();
		for (String attribute : spec.attributes()) {
			if (!StringUtils.hasText(attribute) || attribute.startsWith(".") || attribute.endsWith(".")) {
				problems.add("attributes has an empty attribute or path: " + spec.attributes());
				return false;
			}
			if (!names.add(ModelQuery.attributeName(attribute))) {
				problems.add("attributes " + spec.attributes() + " name '" + ModelQuery.attributeName(attribute)
						+ "' twice (an attribute is known by the last segment of its path)");
				return false;
			}
		}
		return true;
	}

	// false when the models cannot be looked up
	private boolean checkModels(ResolutionSpec spec, List<String> problems) {
		List<String> models = spec.models();
		List<String> lookupKeys = spec.fetchKeyUrl();
		if (lookupKeys.size() > 1 && lookupKeys.size() != models.size()) {
			problems.add("fetch-key-url " + lookupKeys + " must name one key, or one per model " + models);
			return false;
		}
		if (this.modelQueries == null) {
			problems.add("model " + models + " needs JPA, but there is no EntityManagerFactory (a @WebMvcTest or "
					+ "@WebFluxTest slice has none: add @AutoConfigureDataJpa to the test, or test with @SpringBootTest)");
			return false;
		}
		return true;
	}

	/**
	 * The resource type a name identifies: {@code event_id} and {@code eventId} identify
	 * {@code event}.
	 * @param explicit the rule's {@code resource}, or {@code null}
	 * @param name the context name
	 * @return the resource type
	 */
	static String resourceType(@Nullable String explicit, String name) {
		if (explicit != null) {
			return explicit;
		}
		if (name.length() > 3 && name.endsWith("_id")) {
			return name.substring(0, name.length() - 3);
		}
		if (name.length() > 2 && name.endsWith("Id")) {
			return name.substring(0, name.length() - 2);
		}
		return name;
	}

	/**
	 * The association a camelCase key names by its id: {@code eventId} names
	 * {@code event}.
	 * @param camelKey the key in camelCase
	 * @return the association, or {@code null} when the key does not end in {@code Id}
	 */
	static @Nullable String associationName(String camelKey) {
		if (camelKey.length() > 2 && camelKey.endsWith("Id")) {
			return camelKey.substring(0, camelKey.length() - 2);
		}
		return null;
	}

	/**
	 * The camelCase form of a key: {@code event_id} and {@code event-id} become
	 * {@code eventId}.
	 * @param key the key
	 * @return its camelCase form
	 */
	static String camelCase(String key) {
		StringBuilder camel = new StringBuilder(key.length());
		boolean upper = false;
		for (char c : key.toCharArray()) {
			if (c == '_' || c == '-') {
				upper = camel.length() > 0;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
