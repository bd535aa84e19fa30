package io.github.permissionmanager.resolve;

import java.util.List;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionContextException.Reason;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.TenantResolver;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link TenantResolver}: reads every configured source — a request header, a
 * JWT claim (a subject attribute) and a URI template variable — and answers the tenant
 * they name. Sources that disagree are a denial, never "first wins": a client-controlled
 * header cannot outrank a signed claim or the path the handler uses. None when nothing is
 * configured or present.
 */
public final class DefaultTenantResolver implements TenantResolver {

	private final @Nullable String header;

	private final @Nullable String claim;

	private final @Nullable String pathVariable;

	/**
	 * Create a resolver.
	 * @param header the request header holding the tenant, or {@code null}
	 * @param claim the JWT claim holding the tenant, or {@code null}
	 * @param pathVariable the URI template variable holding the tenant, or {@code null}
	 */
	public DefaultTenantResolver(@Nullable String header, @Nullable String claim, @Nullable String pathVariable) {
		this.header = header;
		this.claim = claim;
		this.pathVariable = pathVariable;
	}

	/**
	 * {@inheritDoc}
	 * @throws PermissionDeniedException when two sources name different tenants
	 * @throws PermissionContextException when the tenant path variable is also given as a
	 * request parameter (ambiguous, 400)
	 */
	@Override
	public @Nullable String resolveTenant(Subject subject, PermissionContext context) {
		RequestValues request = (this.header != null || this.pathVariable != null) ? RequestValues.current() : null;
		String tenant = null;
		String from = null;
		if (this.pathVariable != null) {
			tenant = context.pathVariables().get(this.pathVariable);
			if (tenant != null) {
				if (request != null && request.parameter(this.pathVariable) != null) {
					throw new PermissionContextException(Reason.INVALID_VALUE, null, "Tenant '" + this.pathVariable
							+ "' is both a URI template variable and a request parameter");
				}
				from = "path variable '" + this.pathVariable + "'";
			}
		}
		if (this.claim != null) {
			Object value = subject.attributes().get(this.claim);
			tenant = agree(tenant, from, (value != null) ? value.toString() : null, "claim '" + this.claim + "'");
			from = (tenant != null && from == null) ? "claim '" + this.claim + "'" : from;
		}
		if (this.header != null && request != null) {
			tenant = agree(tenant, from, request.header(this.header), "header '" + this.header + "'");
		}
		return tenant;
	}

	private static @Nullable String agree(@Nullable String tenant, @Nullable String from, @Nullable String other,
			String otherSource) {
		if (other == null) {
			return tenant;
		}
		if (tenant != null && !tenant.equals(other)) {
			throw new PermissionDeniedException(
					"Tenant sources disagree: " + from + " says '" + tenant + "', " + otherSource + " '" + other + "'",
					List.of(), null);
		}
		return other;
	}

	/**
	 * Whether any source is configured; when none is, the resolver is skipped.
	 * @return whether it can find a tenant
	 */
	public boolean isConfigured() {
		return this.header != null || this.claim != null || this.pathVariable != null;
	}

}
