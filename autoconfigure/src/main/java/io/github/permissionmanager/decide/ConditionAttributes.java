package io.github.permissionmanager.decide;

import java.util.HashMap;
import java.util.Map;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;

/**
 * What a grant condition reads as {@code subject}, {@code resource} or {@code context}:
 * attributes by name ({@code resource.status} or {@code resource['status']}), never a
 * bean's properties. An attribute that is not there is an error, not {@code null}, so a
 * condition such as {@code resource.status != 'final'} does not hold for a resource whose
 * status nobody supplied. The built-in names ({@code subject.id}, {@code subject.groups},
 * {@code resource.type}, {@code resource.id}, {@code resource.tenant}) come first: an
 * attribute of the same name cannot stand in for them.
 */
final class ConditionAttributes {

	static final PropertyAccessor ACCESSOR = new Accessor();

	private final String what;

	private final Map<String, Object> values;

	private ConditionAttributes(String what, Map<String, Object> values) {
		this.what = what;
		this.values = values;
	}

	static ConditionAttributes of(Subject subject, Map<String, Object> persisted) {
		Map<String, Object> values = new HashMap<>(persisted);
		values.putAll(subject.attributes());
		values.put("id", subject.id());
		values.put("groups", subject.groups());
		return new ConditionAttributes("subject", values);
	}

	static ConditionAttributes of(@Nullable Resource resource, Map<String, Object> persisted) {
		Map<String, Object> values = new HashMap<>(persisted);
		if (resource != null) {
			values.putAll(resource.attributes());
			values.put("type", resource.type());
			putIfPresent(values, "id", resource.id());
			putIfPresent(values, "tenant", resource.tenant());
		}
		return new ConditionAttributes("resource", values);
	}

	static ConditionAttributes root(ConditionAttributes subject, ConditionAttributes resource,
			ConditionAttributes context, SetMembership userSets, SetMembership resourceSets) {
		return new ConditionAttributes("condition", Map.of("subject", subject, "resource", resource, "context", context,
				"userSets", userSets, "resourceSets", resourceSets));
	}

	static ConditionAttributes of(PermissionContext context) {
		Map<String, Object> values = new HashMap<>();
		context.values().forEach((name, value) -> putIfPresent(values, name, value));
		return new ConditionAttributes("context", values);
	}

	private static void putIfPresent(Map<String, Object> values, String name, @Nullable Object value) {
		if (value != null) {
			values.put(name, value);
		}
		else {
			values.remove(name);
		}
	}

	@Override
	public String toString() {
		return this.what + this.values.keySet();
	}

	/**
	 * Reads attributes by name; anything else about the object (its class, its fields) is
	 * not readable.
	 */
	private static final class Accessor implements PropertyAccessor {

		@Override
		public Class<?>[] getSpecificTargetClasses() {
			return new Class<?>[] { ConditionAttributes.class };
		}

		@Override
		public boolean canRead(EvaluationContext context, @Nullable Object target, String name) {
			return target instanceof ConditionAttributes;
		}

		@Override
		public TypedValue read(EvaluationContext context, @Nullable Object target, String name) throws AccessException {
			ConditionAttributes attributes = (ConditionAttributes) target;
			if (attributes == null) {
				throw new AccessException("no attributes");
			}
			Object value = attributes.values.get(name);
			if (value == null) {
				throw new AccessException("no attribute '" + name + "' of " + attributes.what);
			}
			return new TypedValue(value);
		}

		@Override
		public boolean canWrite(EvaluationContext context, @Nullable Object target, String name) {
			return false;
		}

		@Override
		public void write(EvaluationContext context, @Nullable Object target, String name, @Nullable Object newValue)
				throws AccessException {
			throw new AccessException("attributes are read-only");
		}

	}

}
