package io.github.permissionmanager.pdp;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

/**
 * The shapes of the wire format that both sides write and read: a user ({@code {key,
 * groups, attributes}}), a resource ({@code {type, key, tenant, attributes}}), a context
 * and a grant. Attribute and context values travel as JSON: strings, numbers, booleans,
 * lists and maps as themselves, any other value as its text; {@code null}s are left out.
 */
public final class PdpWire {

	/** How many groups a user may carry. */
	public static final int MAX_GROUPS = 1000;

	private PdpWire() {
	}

	/**
	 * Read a user.
	 * @param user the {@code user} object
	 * @param permissionsClaim the attribute that grants permissions
	 * ({@code permission-manager.jwt.permissions-claim}), which a caller may not send, or
	 * {@code null}
	 * @return the subject
	 */
	public static Subject user(JsonFields user, @Nullable String permissionsClaim) {
		String key = user.text("key");
		List<String> groups = user.texts("groups", MAX_GROUPS);
		Map<String, Object> attributes = user.values("attributes");
		// the claim grants what it lists: from a caller's body it would grant what the
		// caller asks for
		if (permissionsClaim != null && attributes.containsKey(permissionsClaim)) {
			throw new PdpInputException(user.path("attributes") + "." + permissionsClaim,
					"is the permissions claim (permission-manager.jwt.permissions-claim): the decision point "
							+ "takes permissions from its own sources, never from the caller");
		}
		user.end();
		return new Subject(key, new LinkedHashSet<>(groups), attributes);
	}

	/**
	 * Read a resource.
	 * @param resource the {@code resource} object
	 * @param tenant whether it may name a tenant
	 * @return the resource
	 */
	public static Resource resource(JsonFields resource, boolean tenant) {
		String type = resource.text("type");
		String key = resource.optionalKey("key");
		String inTenant = tenant ? resource.optionalText("tenant") : null;
		Map<String, Object> attributes = resource.values("attributes");
		resource.end();
		return new Resource(type, key, inTenant, attributes);
	}

	/**
	 * Read a context: its values, by name.
	 * @param values the {@code context} values
	 * @return the context
	 */
	public static PermissionContext context(Map<String, Object> values) {
		if (values.isEmpty()) {
			return PermissionContext.empty();
		}
		PermissionContext.Builder context = PermissionContext.builder();
		values.forEach(context::value);
		return context.build();
	}

	/**
	 * Write a user.
	 * @param subject the subject
	 * @return the {@code user} object
	 */
	public static Map<String, Object> user(Subject subject) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("key", subject.id());
		if (!subject.groups().isEmpty()) {
			user.put("groups", new TreeSet<>(subject.groups()));
		}
		if (!subject.attributes().isEmpty()) {
			user.put("attributes", plain(subject.attributes()));
		}
		return user;
	}

	/**
	 * Write a resource.
	 * @param resource the resource
	 * @return the {@code resource} object
	 */
	public static Map<String, Object> resource(Resource resource) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", resource.type());
		putIfPresent(json, "key", resource.id());
		putIfPresent(json, "tenant", resource.tenant());
		if (!resource.attributes().isEmpty()) {
			json.put("attributes", plain(resource.attributes()));
		}
		return json;
	}

	/**
	 * Write a grant, for an explanation.
	 * @param grant the grant
	 * @return the {@code grant} object
	 */
	public static Map<String, Object> grant(Grant grant) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("grantee",
				Map.of("kind", grant.grantee().kind().name().toLowerCase(Locale.ROOT), "name", grant.grantee().name()));
		json.put("permission", grant.permission());
		putIfPresent(json, "resourceType", grant.resourceType());
		putIfPresent(json, "resourceKey", grant.resourceId());
		putIfPresent(json, "tenant", grant.tenant());
		putIfPresent(json, "expiresAt", (grant.expiresAt() != null) ? grant.expiresAt().toString() : null);
		putIfPresent(json, "condition", grant.condition());
		return json;
	}

	/**
	 * A value as the wire carries it: strings, numbers, booleans, lists and maps as
	 * themselves (recursively), any other value as its text.
	 * @param value the value
	 * @return the JSON value
	 */
	public static Object plain(Object value) {
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> json = new LinkedHashMap<>();
			map.forEach((key, item) -> {
				if (key != null && item != null) {
					json.put(key.toString(), plain(item));
				}
			});
			return json;
		}
		if (value instanceof Collection<?> collection) {
			List<Object> json = new ArrayList<>();
			collection.stream().filter(Objects::nonNull).forEach((item) -> json.add(plain(item)));
			return json;
		}
		if (value.getClass().isArray()) {
			List<Object> json = new ArrayList<>();
			for (int i = 0; i < Array.getLength(value); i++) {
				Object item = Array.get(value, i);
				if (item != null) {
					json.add(plain(item));
				}
			}
			return json;
		}
		return value.toString();
	}

	private static void putIfPresent(Map<String, Object> json, String name, @Nullable Object value) {
		if (value != null) {
			json.put(name, value);
		}
	}

}
