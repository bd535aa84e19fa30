package io.github.permissionmanager.resolve;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.TenantResolver;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link TenantResolver}: the first of a request header, a JWT claim (a
 * subject attribute) and a URI template variable that is configured and present; none
 * when nothing is configured.
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

	@Override
	public @Nullable String resolveTenant(Subject subject, PermissionContext context) {
		if (this.header != null) {
			RequestValues request = RequestValues.current();
			String value = (request != null) ? request.header(this.header) : null;
			if (value != null) {
				return value;
			}
		}
		if (this.claim != null) {
			Object value = subject.attributes().get(this.claim);
			if (value != null) {
				return value.toString();
			}
		}
		if (this.pathVariable != null) {
			return context.pathVariables().get(this.pathVariable);
		}
		return null;
	}

	/**
	 * Whether any source is configured; when none is, the resolver is skipped.
	 * @return whether it can find a tenant
	 */
	public boolean isConfigured() {
		return this.header != null || this.claim != null || this.pathVariable != null;
	}

}
