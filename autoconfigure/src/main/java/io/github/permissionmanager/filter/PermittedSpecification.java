package io.github.permissionmanager.filter;

import java.io.Serial;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Subject;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.ManagedType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;

/**
 * The specification of a permission filter on one attribute. Each query it builds (the
 * page, then the count) reads the subject's grants anew, so nothing is frozen in a plan;
 * {@link FilterCompiler} decides the predicate.
 */
final class PermittedSpecification<T> implements Specification<T> {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient DefaultPermissionFilter filter;

	private final String resourceType;

	private final String attributePath;

	private final transient Map<Class<?>, Attributes> attributes = new ConcurrentHashMap<>();

	PermittedSpecification(DefaultPermissionFilter filter, String resourceType, String attributePath) {
		this.filter = filter;
		this.resourceType = resourceType;
		this.attributePath = attributePath;
	}

	@Override
	public Predicate toPredicate(Root<T> root, @Nullable CriteriaQuery<?> query, CriteriaBuilder builder) {
		if (query == null) {
			throw new PermissionEvaluationException("A permission filter on " + this.resourceType
					+ " is for read queries; it was used without a CriteriaQuery (a bulk update or delete?)");
		}
		Attributes attributes = this.attributes.computeIfAbsent(root.getJavaType(), (type) -> resolve(root.getModel()));
		Subject subject = this.filter.subject();
		DefaultPermissionFilters filters = this.filter.filters();
		FilterRequest request = new FilterRequest(subject.id(), this.filter.permission(), this.resourceType);
		AttributePath tenant = attributes.tenant();
		CriteriaTarget target = new CriteriaTarget(filters, request, builder, attributes.id().of(root),
				attributes.id().javaType(), attributes.id().mapping(), (tenant != null) ? tenant.of(root) : null,
				(tenant != null) ? tenant.javaType() : String.class,
				(tenant != null) ? tenant.mapping() : AttributePath.Mapping.AS_IS);
		if (tenant != null) {
			return FilterCompiler.compile(target, filters.permittedByTenant(subject, this.filter.permission(),
					this.resourceType, this.filter.consistency()), filters::listed);
		}
		return FilterCompiler.compile(target, filters.permittedObjects(subject, this.filter.permission(),
				this.resourceType, this.filter.tenant(), this.filter.consistency()), this.filter.tenant(),
				filters::listed);
	}

	private Attributes resolve(ManagedType<?> model) {
		AttributePath id = resolve(model, this.attributePath);
		String tenantAttribute = this.filter.tenantAttribute();
		return new Attributes(id, (tenantAttribute != null) ? resolve(model, tenantAttribute) : null);
	}

	private AttributePath resolve(ManagedType<?> model, String path) {
		AttributePath attribute = AttributePath.resolve(model, path, this.resourceType);
		if (!this.filter.filters().conversion().canConvert(attribute.javaType())) {
			throw AttributePath.invalid(path, this.resourceType, model,
					"ids cannot be converted to " + attribute.javaType().getName());
		}
		return attribute;
	}

	@Override
	public String toString() {
		String tenant = this.filter.tenantAttribute();
		return "permitted(" + this.filter.permission() + ")" + ((tenant != null) ? ".inTenantOf(" + tenant + ")" : "")
				+ ".on(" + this.resourceType + ", " + this.attributePath + ")";
	}

	private record Attributes(AttributePath id, @Nullable AttributePath tenant) {
	}

}
