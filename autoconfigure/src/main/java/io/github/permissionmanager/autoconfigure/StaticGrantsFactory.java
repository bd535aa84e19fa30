package io.github.permissionmanager.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.InvalidGrantException;
import io.github.permissionmanager.InvalidPoliciesException;
import io.github.permissionmanager.autoconfigure.PermissionSourcesProperties.StaticGrant;
import io.github.permissionmanager.decide.GrantImplication;
import io.github.permissionmanager.decide.StaticGrants;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Turns {@code permission-manager.static-grants} into grants, validated as the store
 * validates what it is given (a permission or role that parses, a condition that parses
 * and uses only what conditions may, configured sets of the grant's resource type); any
 * problem stops the start with every problem listed, each by its index.
 */
final class StaticGrantsFactory {

	private StaticGrantsFactory() {
	}

	static StaticGrants create(List<StaticGrant> entries, GrantImplication implication) {
		List<Grant> grants = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			try {
				grants.add(grant(entries.get(i), implication));
			}
			catch (IllegalArgumentException ex) {
				problems.add("permission-manager.static-grants[" + i + "]: " + ex.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidPoliciesException(problems);
		}
		return new StaticGrants(grants);
	}

	private static Grant grant(StaticGrant entry, GrantImplication implication) {
		String user = entry.getUser();
		String group = entry.getGroup();
		if (StringUtils.hasText(user) == StringUtils.hasText(group)) {
			throw new InvalidGrantException("grantee", "set exactly one of user and group");
		}
		String permission = entry.getPermission();
		if (!StringUtils.hasText(permission)) {
			throw new InvalidGrantException("permission", "permission cannot be empty");
		}
		implication.validate(permission);
		Grantee grantee = (user != null && StringUtils.hasText(user)) ? Grantee.user(user)
				: Grantee.group(Objects.requireNonNull(group));
		Grant grant = new Grant(grantee, permission, entry.getResourceType(), entry.getResourceId(), entry.getTenant(),
				null, condition(entry));
		if (grant.condition() != null) {
			implication.conditions().validate(grant.condition(), grant.resourceType());
		}
		return grant;
	}

	// The sets named become part of the condition, so the grant is conditional as any
	// other: checked as the store checks one, and never counted on by lists
	private static @Nullable String condition(StaticGrant entry) {
		List<String> parts = new ArrayList<>();
		if (entry.getUserSet() != null) {
			parts.add(reference("userSets", "user-set", entry.getUserSet()));
		}
		if (entry.getResourceSet() != null) {
			parts.add(reference("resourceSets", "resource-set", entry.getResourceSet()));
		}
		if (entry.getWhen() != null) {
			parts.add(parts.isEmpty() ? entry.getWhen() : "(" + entry.getWhen() + ")");
		}
		return parts.isEmpty() ? null : String.join(" and ", parts);
	}

	private static String reference(String root, String key, String name) {
		if (!StringUtils.hasText(name)) {
			throw new InvalidGrantException(key, key + " cannot be empty");
		}
		return root + "['" + name.replace("'", "''") + "']";
	}

}
