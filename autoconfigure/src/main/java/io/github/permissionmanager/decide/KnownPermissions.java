package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * The permission registry: every permission the application names — in
 * {@code @RequiresPermissions} annotations, in rules, in the catalog and in roles — and
 * the roles. With {@code permission-manager.permissions.strict=true}, a grant must name
 * one of them (or a wildcard that covers one, or a narrower form of one), so a misspelled
 * permission or role is refused instead of stored.
 * <p>
 * Configuration names are known from the start; the annotations' are added by startup
 * validation, which then {@link #complete() completes} the registry. Until then it cannot
 * tell a typo from a permission of an annotation not yet read, and says so.
 */
public final class KnownPermissions {

	private final Roles roles;

	private final Set<String> names = new LinkedHashSet<>();

	private volatile List<WildcardPermission> permissions = List.of();

	private volatile boolean complete;

	// the names exactly as the application writes them, once complete
	private volatile Set<String> named = Set.of();

	/**
	 * Create a registry.
	 * @param roles the roles
	 * @param configured the permissions named by rules, the catalog and roles
	 */
	public KnownPermissions(Roles roles, Collection<String> configured) {
		Assert.notNull(roles, "roles cannot be null");
		Assert.notNull(configured, "configured cannot be null");
		this.roles = roles;
		this.names.addAll(configured);
	}

	/**
	 * Add the permissions read from annotations.
	 * @param permissions the permissions
	 */
	public synchronized void add(Collection<String> permissions) {
		Assert.state(!this.complete, "the permission registry is complete");
		this.names.addAll(permissions);
	}

	/**
	 * Mark every permission of the application as added.
	 */
	public synchronized void complete() {
		List<WildcardPermission> parsed = new ArrayList<>();
		for (String name : this.names) {
			if (!this.roles.isRole(name)) {
				try {
					parsed.add(WildcardPermission.parse(name));
				}
				catch (IllegalArgumentException ex) {
					// a malformed name is reported by startup validation, which stops the
					// start
				}
			}
		}
		this.permissions = List.copyOf(parsed);
		this.named = Set.copyOf(this.names);
		this.complete = true;
	}

	/**
	 * Whether every permission of the application has been added.
	 * @return whether the registry is complete
	 */
	public boolean isComplete() {
		return this.complete;
	}

	/**
	 * Whether a granted name is known: a role, or a permission that covers a known one or
	 * is covered by one ({@code session:*} and {@code session:update:7} for a known
	 * {@code session:update}).
	 * @param name the granted permission or role
	 * @return whether it is known
	 * @throws IllegalStateException when the registry is not complete yet
	 * @throws IllegalArgumentException when the name is not a valid permission
	 */
	public boolean isKnown(String name) {
		Assert.state(this.complete, "the permission registry is not complete until the application has started: "
				+ "grant in an ApplicationRunner or later, or turn permission-manager.permissions.strict off");
		if (this.roles.isRole(name)) {
			return true;
		}
		WildcardPermission granted = WildcardPermission.parse(name);
		for (WildcardPermission known : this.permissions) {
			if (granted.implies(known) || known.implies(granted)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the application names a permission exactly as given (in an annotation, a
	 * rule, the catalog or a role): a bounded set, so such a name may be a metric's tag.
	 * @param permission the permission
	 * @return whether it is named; {@code false} until the registry is complete
	 */
	public boolean isNamed(String permission) {
		return this.named.contains(permission);
	}

	/**
	 * The role names, for messages.
	 * @return the roles
	 */
	public Set<String> roles() {
		return this.roles.names();
	}

}
