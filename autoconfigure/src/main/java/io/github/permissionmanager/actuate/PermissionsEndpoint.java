package io.github.permissionmanager.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.actuate.ExplainDescriptor.ResourceDescriptor;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.WildcardPermission;
import io.github.permissionmanager.enforce.RuleRegistry;
import io.github.permissionmanager.web.CatalogMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The {@code permissions} endpoint: {@link #permissions()} lists every guarded method
 * with its rule as startup validation resolved it, the roles expanded and the catalog;
 * {@code permissions/explain?user=&permission=&type=&id=&tenant=} explains one decision
 * for a user (as the grant store knows the user: its own grants and its store groups',
 * not the groups a sign-in would carry). Missing or invalid parameters are a 400.
 * <p>
 * It tells who can do what: like every endpoint but health, it is not exposed over HTTP
 * unless {@code management.endpoints.web.exposure.include} names it, and it should sit
 * behind the application's management security.
 */
@Endpoint(id = "permissions")
public final class PermissionsEndpoint {

	private static final String EXPLAIN = "explain";

	private final RuleRegistry registry;

	private final Roles roles;

	private final Map<String, CatalogMessage> catalog;

	private final PermissionManager permissionManager;

	/**
	 * Create an endpoint.
	 * @param registry the rules of the guarded methods
	 * @param roles the roles
	 * @param catalog the catalog, by permission
	 * @param permissionManager explains decisions
	 */
	public PermissionsEndpoint(RuleRegistry registry, Roles roles, Map<String, CatalogMessage> catalog,
			PermissionManager permissionManager) {
		Assert.notNull(registry, "registry cannot be null");
		Assert.notNull(roles, "roles cannot be null");
		Assert.notNull(catalog, "catalog cannot be null");
		Assert.notNull(permissionManager, "permissionManager cannot be null");
		this.registry = registry;
		this.roles = roles;
		this.catalog = Map.copyOf(catalog);
		this.permissionManager = permissionManager;
	}

	/**
	 * Every guarded method with its resolved rule, the roles and the catalog.
	 * @return the description
	 */
	@ReadOperation
	public PermissionsDescriptor permissions() {
		Map<String, PermissionsDescriptor.Role> roles = new LinkedHashMap<>();
		for (String role : this.roles.names()) {
			List<String> includes = this.roles.rolesIncludedIn(role)
				.stream()
				.filter((included) -> !included.equals(role))
				.sorted()
				.toList();
			roles.put(role, new PermissionsDescriptor.Role(includes,
					this.roles.permissionsOf(role).stream().map(WildcardPermission::toString).toList()));
		}
		Map<String, PermissionsDescriptor.CatalogEntry> catalog = new LinkedHashMap<>();
		this.catalog.forEach((permission, entry) -> catalog.put(permission,
				new PermissionsDescriptor.CatalogEntry(entry.description(), entry.dataManagement(), entry.userMessage(),
						entry.resolutionSteps(), entry.supportContact())));
		return new PermissionsDescriptor(GuardedMethods.describe(this.registry), roles, catalog);
	}

	/**
	 * Explain one decision: {@code permissions/explain?user=&permission=}, with
	 * {@code type}, {@code id} and {@code tenant} for a resource.
	 * @param operation {@code explain}; anything else is not found
	 * @param user the user
	 * @param permission the permission
	 * @param type the resource type, or {@code null} for an unscoped check
	 * @param id the object, or {@code null} for the whole type
	 * @param tenant the tenant, or {@code null}
	 * @return the decision, or {@code null} (404) for another operation
	 * @throws InvalidParameterException (400) when a parameter is missing, blank or
	 * invalid
	 */
	@ReadOperation
	public @Nullable ExplainDescriptor explain(@Selector String operation, @Nullable String user,
			@Nullable String permission, @Nullable String type, @Nullable String id, @Nullable String tenant) {
		if (!EXPLAIN.equals(operation)) {
			return null;
		}
		// user and permission are checked here rather than by Boot, so that a missing one
		// is
		// named like a blank one
		String subject = require(user, "user");
		String asked = require(permission, "permission");
		try {
			WildcardPermission.parse(asked);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("permission", "'permission' is not a permission: " + ex.getMessage());
		}
		Resource resource = resource(type, id, tenant);
		Decision decision;
		try {
			decision = this.permissionManager.explain(Subject.of(subject), asked, resource);
		}
		catch (RuntimeException ex) {
			// the library's managers deny on failure; an application's own may throw: an
			// answer that says so, not a 500
			decision = Decision.deny("Could not decide: " + ex.getMessage());
		}
		ResourceDescriptor described = (resource != null)
				? new ResourceDescriptor(resource.type(), resource.id(), resource.tenant()) : null;
		return new ExplainDescriptor(subject, asked, described, decision.allowed(), decision.reason(), decision.grant(),
				decision.missingPermissions());
	}

	private static @Nullable Resource resource(@Nullable String type, @Nullable String id, @Nullable String tenant) {
		if (type == null) {
			if (id != null || tenant != null) {
				String parameter = (id != null) ? "id" : "tenant";
				throw invalid(parameter, "'" + parameter + "' needs a 'type'");
			}
			return null;
		}
		require(type, "type");
		if (id != null) {
			require(id, "id");
		}
		if (tenant != null) {
			require(tenant, "tenant");
		}
		return ((id != null) ? Resource.of(type, id) : Resource.ofType(type)).withTenant(tenant);
	}

	private static String require(@Nullable String value, String name) {
		if (value == null) {
			throw invalid(name, "'" + name + "' is required");
		}
		if (!StringUtils.hasText(value)) {
			throw invalid(name, "'" + name + "' cannot be blank");
		}
		return value;
	}

	private static InvalidParameterException invalid(String parameter, String message) {
		return new InvalidParameterException(parameter, message);
	}

}
