package io.github.permissionmanager.actuate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.permissionmanager.Logical;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code permissions} endpoint lists: every guarded method with its rule as
 * startup validation resolved it, the roles expanded, and the catalog.
 *
 * @param guarded the guarded methods, by class and method
 * @param roles each role with the roles it includes and every permission it grants
 * @param catalog what the catalog says about each permission
 */
public record PermissionsDescriptor(List<GuardedMethod> guarded, Map<String, Role> roles,
		Map<String, CatalogEntry> catalog) {

	public PermissionsDescriptor {
		guarded = List.copyOf(guarded);
		// sorted, so the listing reads the same on every instance
		roles = Collections.unmodifiableMap(new TreeMap<>(roles));
		catalog = Collections.unmodifiableMap(new TreeMap<>(catalog));
	}

	/**
	 * One guarded method (a controller's or a service's) and its resolved rule.
	 *
	 * @param className the bean's class
	 * @param method the method, with its parameter types
	 * @param permissions the required permissions
	 * @param logical how they combine
	 * @param optional the permissions evaluated but never blocking
	 * @param httpMethods the HTTP methods the check applies to; empty for all
	 * @param leaveIf the SpEL that skips the check when true, or {@code null}
	 * @param check the SpEL that denies when false, or {@code null}
	 * @param resource where the resource comes from, or {@code null} for an unscoped
	 * check
	 */
	public record GuardedMethod(String className, String method, List<String> permissions, Logical logical,
			List<String> optional, Set<String> httpMethods, @Nullable String leaveIf, @Nullable String check,
			@Nullable Resolution resource) {

		public GuardedMethod {
			permissions = List.copyOf(permissions);
			optional = List.copyOf(optional);
			httpMethods = Set.copyOf(httpMethods);
		}

	}

	/**
	 * Where a method's resource comes from: the {@code fetch} keys in order (the first
	 * present wins), then the model lookups.
	 *
	 * @param keys the keys, each with its sources
	 * @param lookups the model lookups: tried when the call carries no key and the method
	 * declares none as an argument, and compared with a key found in the call when
	 * cross-checking is on
	 */
	public record Resolution(List<Key> keys, List<Lookup> lookups) {

		public Resolution {
			keys = List.copyOf(keys);
			lookups = List.copyOf(lookups);
		}

	}

	/**
	 * One {@code fetch} key.
	 *
	 * @param key the key
	 * @param name the name its value is known by in the context
	 * @param resourceType the resource type its value identifies
	 * @param sources where its value is read, in order: {@code argument 'name'} (then the
	 * only source), or {@code uri-variable} then {@code request-parameter} (only when the
	 * mapping requires it)
	 * @param mustAgreeWith the bound arguments (form, body, part) that must carry the
	 * same value when they carry the key
	 */
	public record Key(String key, String name, String resourceType, List<String> sources, List<String> mustAgreeWith) {

		public Key {
			sources = List.copyOf(sources);
			mustAgreeWith = List.copyOf(mustAgreeWith);
		}

	}

	/**
	 * One model lookup.
	 *
	 * @param model the entity
	 * @param fetchKey the {@code fetch} key it answers
	 * @param attribute the attribute or property path it reads
	 * @param keyAttribute the attribute matched against the lookup value
	 * @param lookupKey where the lookup value comes from
	 * @param name the name the result is known by in the context
	 * @param resourceType the resource type the result identifies
	 * @param query the query text
	 */
	public record Lookup(String model, String fetchKey, String attribute, String keyAttribute, String lookupKey,
			String name, String resourceType, String query) {
	}

	/**
	 * One role.
	 *
	 * @param includes the other roles it includes, transitively
	 * @param permissions every permission it grants, through the roles it includes
	 */
	public record Role(List<String> includes, List<String> permissions) {

		public Role {
			includes = List.copyOf(includes);
			permissions = List.copyOf(permissions);
		}

	}

	/**
	 * What the catalog says about one permission.
	 *
	 * @param description what the permission allows, or {@code null}
	 * @param dataManagement how data reached with it is handled, or {@code null}
	 * @param userMessage the denial's detail, or {@code null}
	 * @param resolutionSteps the steps to obtain it
	 * @param supportContact who to contact, or {@code null}
	 */
	public record CatalogEntry(@Nullable String description, @Nullable String dataManagement,
			@Nullable String userMessage, List<String> resolutionSteps, @Nullable String supportContact) {

		public CatalogEntry {
			resolutionSteps = List.copyOf(resolutionSteps);
		}

	}

}
