package io.github.permissionmanager.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.PermissionFilter;
import io.github.permissionmanager.SqlFilter;
import io.github.permissionmanager.Subject;
import jakarta.persistence.metamodel.SingularAttribute;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.util.Assert;

/**
 * One subject (or the current user), one permission, and the tenant of the rows (one for
 * all, or each row's own); turned into a {@link PermittedSpecification} or an
 * {@link SqlFilter}.
 */
final class DefaultPermissionFilter implements PermissionFilter {

	// A column name, optionally qualified; never a piece of SQL
	private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

	private final DefaultPermissionFilters filters;

	private final @Nullable Subject subject;

	private final String permission;

	private final @Nullable String tenant;

	private final @Nullable String tenantAttribute;

	private final @Nullable Consistency consistency;

	DefaultPermissionFilter(DefaultPermissionFilters filters, @Nullable Subject subject, String permission,
			@Nullable String tenant, @Nullable String tenantAttribute, @Nullable Consistency consistency) {
		this.filters = filters;
		this.subject = subject;
		this.permission = permission;
		this.tenant = tenant;
		this.tenantAttribute = tenantAttribute;
		this.consistency = consistency;
	}

	@Override
	public PermissionFilter inTenant(@Nullable String tenant) {
		return new DefaultPermissionFilter(this.filters, this.subject, this.permission, tenant, null, this.consistency);
	}

	@Override
	public PermissionFilter inTenantOf(String tenantAttribute) {
		Assert.hasText(tenantAttribute, "tenantAttribute cannot be empty");
		return new DefaultPermissionFilter(this.filters, this.subject, this.permission, null, tenantAttribute,
				this.consistency);
	}

	@Override
	public <T> Specification<T> on(String resourceType, String attributePath) {
		Assert.hasText(resourceType, "resourceType cannot be empty");
		Assert.hasText(attributePath, "attributePath cannot be empty");
		return new PermittedSpecification<>(this, resourceType, attributePath);
	}

	@Override
	public <T> Specification<T> on(String resourceType, SingularAttribute<? super T, ?> attribute,
			SingularAttribute<?, ?>... then) {
		Assert.notNull(attribute, "attribute cannot be null");
		Assert.noNullElements(then, "then cannot contain null");
		List<String> names = new ArrayList<>(List.of(attribute.getName()));
		SingularAttribute<?, ?> previous = attribute;
		for (SingularAttribute<?, ?> next : then) {
			Class<?> from = previous.getBindableJavaType();
			Assert.isTrue(next.getDeclaringType().getJavaType().isAssignableFrom(from),
					() -> "attribute '" + next.getName() + "' of " + next.getDeclaringType().getJavaType().getName()
							+ " does not follow '" + String.join(".", names) + "'");
			names.add(next.getName());
			previous = next;
		}
		return on(resourceType, String.join(".", names));
	}

	@Override
	public SqlFilter sql(String resourceType, String idColumn, Class<?> idType) {
		Assert.hasText(resourceType, "resourceType cannot be empty");
		Assert.isTrue(idColumn != null && COLUMN.matcher(idColumn).matches(),
				() -> "idColumn must be a column name, optionally qualified, not '" + idColumn + "'");
		Assert.isTrue(this.tenantAttribute == null || COLUMN.matcher(this.tenantAttribute).matches(),
				() -> "the tenant must be a column name, optionally qualified, not '" + this.tenantAttribute + "'");
		Assert.notNull(idType, "idType cannot be null");
		Assert.isTrue(this.filters.conversion().canConvert(idType),
				() -> "ids cannot be converted to " + idType.getName());
		Subject subject = subject();
		FilterRequest request = new FilterRequest(subject.id(), this.permission, resourceType);
		SqlTarget target = new SqlTarget(this.filters, request, idColumn, idType, this.tenantAttribute);
		String predicate = (this.tenantAttribute != null)
				? FilterCompiler.compile(target,
						this.filters.permittedByTenant(subject, this.permission, resourceType, this.consistency),
						this.filters::listed)
				: FilterCompiler.compile(target, this.filters.permittedObjects(subject, this.permission, resourceType,
						this.tenant, this.consistency), this.tenant, this.filters::listed);
		return new SqlFilter("(" + predicate + ")", target.parameters());
	}

	Subject subject() {
		return this.filters.subject(this.subject, this.permission);
	}

	DefaultPermissionFilters filters() {
		return this.filters;
	}

	String permission() {
		return this.permission;
	}

	@Nullable String tenant() {
		return this.tenant;
	}

	@Nullable String tenantAttribute() {
		return this.tenantAttribute;
	}

	@Nullable Consistency consistency() {
		return this.consistency;
	}

}
