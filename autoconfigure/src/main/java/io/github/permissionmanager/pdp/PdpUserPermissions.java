package io.github.permissionmanager.pdp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.SubjectGrants;
import io.github.permissionmanager.decide.SubjectGrantsLoader;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;

/**
 * {@code POST user-permissions}: the permissions a user holds, resource by resource (its
 * own grants and its groups', in force now, read from the store in one query), with the
 * roles among them expanded. Filtered by resource types and tenant the way grants apply:
 * a grant on no type (or in every tenant) applies to every type (or tenant), so it is
 * listed under any filter.
 */
public final class PdpUserPermissions {

	private final @Nullable SubjectGrantsLoader loader;

	private final Roles roles;

	private final Clock clock;

	/**
	 * Create the answer.
	 * @param loader reads a subject's grants, or {@code null} without a grant store (501)
	 * @param roles expands the roles grants name
	 * @param clock tells expired grants apart
	 */
	public PdpUserPermissions(@Nullable SubjectGrantsLoader loader, Roles roles, Clock clock) {
		Assert.notNull(roles, "roles cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.loader = loader;
		this.roles = roles;
		this.clock = clock;
	}

	/**
	 * Answer a request.
	 * @param body the request body
	 * @return the answer
	 */
	public Map<String, Object> answer(JsonFields body) {
		Subject user = PdpWire.user(body.object("user"), null);
		List<String> types = body.texts("resourceTypes", 1000);
		String tenant = body.optionalText("tenant");
		body.end();
		if (this.loader == null) {
			throw new PdpRefusal(HttpStatus.NOT_IMPLEMENTED,
					"This decision point has no grant store, so it cannot list permissions.");
		}
		SubjectGrants loaded = this.loader.load(user.id(), user.groups());
		Set<String> groups = new LinkedHashSet<>(user.groups());
		groups.addAll(loaded.storeGroups());
		Map<String, Scope> scopes = new TreeMap<>();
		for (Grant grant : loaded.inForce(user.id(), groups, this.clock.millis())) {
			if ((!types.isEmpty() && grant.resourceType() != null && !types.contains(grant.resourceType()))
					|| (tenant != null && grant.tenant() != null && !tenant.equals(grant.tenant()))) {
				continue;
			}
			Scope scope = scopes.computeIfAbsent(key(grant), (key) -> new Scope(grant));
			if (this.roles.isRole(grant.permission())) {
				scope.roles.add(grant.permission());
				this.roles.permissionsOf(grant.permission())
					.forEach((permission) -> scope.permissions.add(permission.toString()));
			}
			else {
				scope.permissions.add(grant.permission());
			}
		}
		List<Map<String, Object>> entries = new ArrayList<>();
		scopes.values().forEach((scope) -> entries.add(scope.json()));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("permissions", entries);
		return answer;
	}

	// Sorts global grants first, then by type, object and tenant
	private static String key(Grant grant) {
		return Objects.toString(grant.resourceType(), "") + '\u0000' + Objects.toString(grant.resourceId(), "")
				+ '\u0000' + Objects.toString(grant.tenant(), "");
	}

	private static final class Scope {

		private final Grant grant;

		private final Set<String> permissions = new TreeSet<>();

		private final Set<String> roles = new TreeSet<>();

		Scope(Grant grant) {
			this.grant = grant;
		}

		Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			Map<String, Object> resource = new LinkedHashMap<>();
			if (this.grant.resourceType() != null) {
				resource.put("type", this.grant.resourceType());
			}
			if (this.grant.resourceId() != null) {
				resource.put("key", this.grant.resourceId());
			}
			if (this.grant.tenant() != null) {
				resource.put("tenant", this.grant.tenant());
			}
			json.put("resource", resource);
			json.put("permissions", this.permissions);
			json.put("roles", this.roles);
			return json;
		}

	}

}
