package io.github.permissionmanager.filter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.github.permissionmanager.PermissionFilter;
import io.github.permissionmanager.SqlFilter;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.PermittedObjects;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.util.Assert;

/**
 * One subject (or the current user), one permission and a tenant; turned into a
 * {@link PermittedSpecification} or an {@link SqlFilter}.
 */
final class DefaultPermissionFilter implements PermissionFilter {

	// A column name, optionally qualified; never a piece of SQL
	private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

	private static final AtomicLong parameterNames = new AtomicLong();

	private final DefaultPermissionFilters filters;

	private final @Nullable Subject subject;

	private final String permission;

	private final @Nullable String tenant;

	DefaultPermissionFilter(DefaultPermissionFilters filters, @Nullable Subject subject, String permission,
			@Nullable String tenant) {
		this.filters = filters;
		this.subject = subject;
		this.permission = permission;
		this.tenant = tenant;
	}

	@Override
	public PermissionFilter inTenant(@Nullable String tenant) {
		return new DefaultPermissionFilter(this.filters, this.subject, this.permission, tenant);
	}

	@Override
	public <T> Specification<T> on(String resourceType, String attributePath) {
		Assert.hasText(resourceType, "resourceType cannot be empty");
		Assert.hasText(attributePath, "attributePath cannot be empty");
		return new PermittedSpecification<>(this, resourceType, attributePath);
	}

	@Override
	public SqlFilter sql(String resourceType, String idColumn, Class<?> idType) {
		Assert.hasText(resourceType, "resourceType cannot be empty");
		Assert.isTrue(idColumn != null && COLUMN.matcher(idColumn).matches(),
				() -> "idColumn must be a column name, optionally qualified, not '" + idColumn + "'");
		Assert.notNull(idType, "idType cannot be null");
		Assert.isTrue(this.filters.conversion().canConvert(idType),
				() -> "ids cannot be converted to " + idType.getName());
		PermittedObjects objects = permittedObjects(resourceType);
		if (objects.all()) {
			return new SqlFilter("(" + idColumn + " IS NOT NULL)", Map.of());
		}
		List<Object> ids = this.filters.conversion().convert(objects.ids(), idType);
		if (ids.isEmpty()) {
			return new SqlFilter("(1 = 0)", Map.of());
		}
		String name = "pmFilterIds" + parameterNames.incrementAndGet();
		String in = idColumn + " IN (:" + name + ")";
		if (idType == String.class && this.filters.stringsCompareLoosely()) {
			// MariaDB and MySQL fold case and trailing spaces by default: compare the
			// bytes as well
			return new SqlFilter("(" + in + " AND BINARY " + in + ")", Map.of(name, ids));
		}
		return new SqlFilter("(" + in + ")", Map.of(name, ids));
	}

	PermittedObjects permittedObjects(String resourceType) {
		return this.filters.permittedObjects(this.subject, this.permission, resourceType, this.tenant);
	}

	IdConversion conversion() {
		return this.filters.conversion();
	}

	boolean stringsCompareLoosely() {
		return this.filters.stringsCompareLoosely();
	}

	String permission() {
		return this.permission;
	}

}
