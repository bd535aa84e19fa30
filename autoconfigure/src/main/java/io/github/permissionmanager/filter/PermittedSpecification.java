package io.github.permissionmanager.filter;

import java.io.Serial;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.decide.PermittedObjects;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;

/**
 * The specification of a permission filter on one attribute. Each query it builds (the
 * page, then the count) reads the subject's grants anew, so nothing is frozen in a plan:
 * no predicate but "not null" when a type-wide or global grant covers the permission, an
 * {@code IN} over the converted object ids otherwise, a false predicate when nothing
 * does. String ids are compared byte for byte on databases that fold case or trailing
 * spaces.
 */
final class PermittedSpecification<T> implements Specification<T> {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient DefaultPermissionFilter filter;

	private final String resourceType;

	private final String attributePath;

	private final transient Map<Class<?>, AttributePath> paths = new ConcurrentHashMap<>();

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
		AttributePath attribute = this.paths.computeIfAbsent(root.getJavaType(), (type) -> resolve(root));
		PermittedObjects objects = this.filter.permittedObjects(this.resourceType);
		Path<?> path = attribute.of(root);
		if (objects.all()) {
			return builder.isNotNull(path);
		}
		List<Object> ids = this.filter.conversion().convert(objects.ids(), attribute.javaType());
		if (ids.isEmpty()) {
			return builder.disjunction();
		}
		if (attribute.javaType() == String.class && this.filter.stringsCompareLoosely()) {
			// MariaDB and MySQL fold case and trailing spaces by default ('c1' = 'C1 '):
			// the plain IN keeps the index in use, the byte-wise one makes the comparison
			// exact
			return builder.and(path.in(ids), builder.function("binary", String.class, path).in(ids));
		}
		return path.in(ids);
	}

	private AttributePath resolve(Root<T> root) {
		AttributePath attribute = AttributePath.resolve(root.getModel(), this.attributePath, this.resourceType);
		if (!this.filter.conversion().canConvert(attribute.javaType())) {
			throw AttributePath.invalid(this.attributePath, this.resourceType, root.getModel(),
					"ids cannot be converted to " + attribute.javaType().getName());
		}
		return attribute;
	}

	@Override
	public String toString() {
		return "permitted(" + this.filter.permission() + ").on(" + this.resourceType + ", " + this.attributePath + ")";
	}

}
