package io.github.permissionmanager.reliability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §6 written out as plainly as possible, sharing no code with the engine, for
 * the property-based comparison: a linear scan of every grant with Apache Shiro's
 * {@code WildcardPermission.implies} (an alternative that is exactly {@code *} matches
 * any part; case-sensitive; parts and alternatives trimmed). A grant's condition is one
 * of {@link #CONDITIONS}, each read here in plain Java as DESIGN.md §11 and the issue say
 * conditions behave: over the attributes the check carries, a missing attribute, a wrong
 * type or a non-boolean answer meaning the grant does not apply.
 */
final class ReferenceDecisions {

	/** The conditions a random grant may carry. */
	static final List<String> CONDITIONS = List.of("true", "'true'", "resource.status == 'draft'",
			"subject.department == resource.department", "resource.level > 2", "resource.flag",
			"subject.location != 'England'", "resource.title.length() > 3", "resource.tenant == 't1'",
			"subject.id == 'bob' and resource.status != 'final'");

	private final List<Grant> grants;

	private final Map<String, Set<String>> memberships;

	private final Map<String, List<String>> roles;

	private final Instant now;

	ReferenceDecisions(List<Grant> grants, Map<String, Set<String>> memberships, Map<String, List<String>> roles,
			Instant now) {
		this.grants = grants;
		this.memberships = memberships;
		this.roles = roles;
		this.now = now;
	}

	boolean allows(Subject subject, String permission, @Nullable Resource resource) {
		Set<String> groups = new HashSet<>(subject.groups());
		groups.addAll(this.memberships.getOrDefault(subject.id(), Set.of()));
		for (Grant grant : this.grants) {
			boolean mine = (grant.grantee().kind() == Grantee.Kind.USER) ? grant.grantee().name().equals(subject.id())
					: groups.contains(grant.grantee().name());
			if (!mine || (grant.expiresAt() != null && !grant.expiresAt().isAfter(this.now))) {
				continue;
			}
			if (resource == null) {
				// an unscoped check: only grants on no resource type and in every tenant
				if (grant.resourceType() != null || grant.tenant() != null) {
					continue;
				}
			}
			else if ((grant.resourceType() != null && !grant.resourceType().equals(resource.type()))
					|| (grant.resourceId() != null && !grant.resourceId().equals(resource.id()))
					|| (grant.tenant() != null && !grant.tenant().equals(resource.tenant()))) {
				continue;
			}
			if (grant.condition() != null && !holds(grant.condition(), subject, resource)) {
				continue;
			}
			for (String held : expand(grant.permission(), new LinkedHashSet<>())) {
				if (implies(held, permission)) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean holds(String condition, Subject subject, @Nullable Resource resource) {
		Map<String, Object> mine = subject.attributes();
		Map<String, Object> its = (resource != null) ? resource.attributes() : Map.of();
		return switch (condition) {
			case "true" -> true;
			case "'true'" -> false;
			case "resource.status == 'draft'" -> "draft".equals(its.get("status"));
			case "subject.department == resource.department" -> mine.containsKey("department")
					&& its.containsKey("department") && mine.get("department").equals(its.get("department"));
			case "resource.level > 2" -> its.get("level") instanceof Integer level && level > 2;
			case "resource.flag" -> Boolean.TRUE.equals(its.get("flag"));
			case "subject.location != 'England'" ->
				mine.containsKey("location") && !"England".equals(mine.get("location"));
			case "resource.title.length() > 3" -> its.get("title") instanceof String title && title.length() > 3;
			case "resource.tenant == 't1'" -> resource != null && "t1".equals(resource.tenant());
			case "subject.id == 'bob' and resource.status != 'final'" ->
				subject.id().equals("bob") && its.containsKey("status") && !"final".equals(its.get("status"));
			default -> throw new IllegalStateException("no reading of condition " + condition);
		};
	}

	private List<String> expand(String name, Set<String> seen) {
		List<String> definition = this.roles.get(name);
		if (definition == null) {
			return List.of(name);
		}
		List<String> permissions = new ArrayList<>();
		if (seen.add(name)) {
			for (String entry : definition) {
				permissions.addAll(expand(entry, seen));
			}
		}
		return permissions;
	}

	static boolean implies(String held, String requested) {
		List<Set<String>> mine = parts(held);
		List<Set<String>> other = parts(requested);
		int i = 0;
		for (Set<String> otherPart : other) {
			if (mine.size() - 1 < i) {
				return true;
			}
			Set<String> part = mine.get(i);
			if (!part.contains("*") && !part.containsAll(otherPart)) {
				return false;
			}
			i++;
		}
		for (; i < mine.size(); i++) {
			if (!mine.get(i).contains("*")) {
				return false;
			}
		}
		return true;
	}

	private static List<Set<String>> parts(String permission) {
		List<Set<String>> parts = new ArrayList<>();
		for (String part : permission.trim().split(":")) {
			Set<String> alternatives = new HashSet<>();
			for (String alternative : part.split(",")) {
				alternatives.add(alternative.trim());
			}
			parts.add(alternatives);
		}
		return parts;
	}

}
