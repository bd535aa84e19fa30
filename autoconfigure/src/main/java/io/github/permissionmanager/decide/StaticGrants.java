package io.github.permissionmanager.decide;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.GrantSource;

import org.springframework.util.Assert;

/**
 * Grants given in configuration ({@code permission-manager.static-grants}): bootstrap
 * administrators, tests, demos. They cannot be revoked through
 * {@link io.github.permissionmanager.PermissionGrants}; remove them from the
 * configuration.
 */
public final class StaticGrants implements GrantSource {

	/** The name {@code explain} gives these grants. */
	public static final String NAME = "static";

	private final List<Grant> grants;

	/**
	 * Create the source.
	 * @param grants the grants, validated
	 */
	public StaticGrants(List<Grant> grants) {
		Assert.notNull(grants, "grants cannot be null");
		this.grants = List.copyOf(grants);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Collection<Grant> grants(String user, Set<String> groups) {
		return this.grants;
	}

}
