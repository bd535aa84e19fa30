package io.github.permissionmanager.resolve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionContextException.Reason;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.Assert;

/**
 * Resolves what a call touches, following its {@link ResolutionPlan}. Each {@code fetch}
 * key in turn is read as {@link SourcePolicy} says (the method's argument alone when it
 * declares one; else the URI template variable or a parameter its mapping requires; a key
 * carried ambiguously is a 400), and the first key present wins (a later alternative for
 * the same resource that the call carries with another value is a 400); when no key is in
 * the call and the method declares none of them, the plan's model lookups are tried.
 * {@code 0} and empty strings are values; {@code null} is not.
 * <p>
 * A lookup converts its value to the type of the entity's key (not convertible: 400),
 * runs one query, and is memoized for the rest of the request. No row is a 404; more than
 * one row means the check cannot be decided ({@link AmbiguousLookupException}); a bound
 * object that disagrees with what the model found is a
 * {@link ModelDisagreementException}. With cross-checking on, a key found in the call is
 * compared with what the model says, so {@code /boards/1/cards/7} cannot act on a card of
 * board 2.
 * <p>
 * A lookup that reads resource attributes (a rule's {@code attributes}) gives them to the
 * resource it resolves; it runs even when the value is in the call (cross-checking or
 * not), and its attributes are given only when its row is the resource checked (same
 * type, same id). A {@code null} column is a missing attribute.
 */
public final class ContextResolver {

	private static final String MEMO_ATTRIBUTE = ContextResolver.class.getName() + ".lookups";

	private final @Nullable ModelQueries modelQueries;

	private final ConversionService conversionService;

	private final boolean crossCheck;

	/**
	 * Create a resolver.
	 * @param modelQueries the model lookups, or {@code null} without JPA
	 * @param conversionService converts lookup values to the entity key type
	 * @param crossCheck whether a key found in the call must agree with the model
	 */
	public ContextResolver(@Nullable ModelQueries modelQueries, ConversionService conversionService,
			boolean crossCheck) {
		Assert.notNull(conversionService, "conversionService cannot be null");
		this.modelQueries = modelQueries;
		this.conversionService = conversionService;
		this.crossCheck = crossCheck;
	}

	/**
	 * Resolve a call's context.
	 * @param plan the method's plan, or {@code null} for an unscoped check
	 * @param arguments the call's arguments
	 * @param request the current request, or {@code null} outside one
	 * @return the context and the resource
	 * @throws PermissionContextException when a value is missing, malformed, or its
	 * object does not exist
	 * @throws PermissionEvaluationException when a lookup fails or is ambiguous
	 */
	public ResolvedContext resolve(@Nullable ResolutionPlan plan, @Nullable Object[] arguments,
			@Nullable RequestValues request) {
		if (plan == null) {
			return new ResolvedContext(newContext(request).build(), null);
		}
		for (int i = 0; i < plan.size(); i++) {
			Object value = SourcePolicy.value(plan.key(i), arguments, request);
			if (value != null) {
				agreeWithLaterAlternatives(plan, i, value, arguments, request);
				Map<String, Object> attributes = (this.crossCheck || plan.readsAttributes())
						? crossCheck(plan, i, value, arguments, request) : Map.of();
				if (request != null) {
					return resolved(newContext(request), plan, i, value, attributes);
				}
				if (plan.readsAttributes()) {
					// attributes are read at every call: a remembered context would
					// answer with another call's
					return resolved(PermissionContext.builder(), plan, i, value, attributes);
				}
				// outside a request the context is the value alone: the same value of
				// the same key is the same (immutable) context
				ResolvedContext reusable = plan.reusable(i, value);
				if (reusable != null) {
					return reusable;
				}
				ResolvedContext resolved = resolved(PermissionContext.builder(), plan, i, value, Map.of());
				plan.remember(i, value, resolved);
				return resolved;
			}
		}
		if (plan.declaresAKey()) {
			// the method will use its own (null) argument: a model must not stand in for
			// it
			throw new PermissionContextException(Reason.MISSING_VALUE, plan.primaryResourceType(),
					"None of " + plan + " is in the call, and the method declares it");
		}
		PermissionContext.Builder context = newContext(request);
		for (ModelLookup lookup : plan.lookups()) {
			Object lookupValue = SourcePolicy.value(lookup.lookup(), arguments, request);
			if (lookupValue != null) {
				Found found = lookUp(lookup, lookupValue, request);
				Object value = found.value();
				KeySource answered = plan.keyNamed(lookup.query().fetchKey());
				if (answered != null) {
					agreeWithModel(answered, value, arguments, lookup.resourceType());
				}
				context.value(lookup.name(), value);
				return new ResolvedContext(context.build(), resource(lookup.resourceType(), value, found.attributes()));
			}
		}
		throw new PermissionContextException(Reason.MISSING_VALUE, plan.primaryResourceType(),
				"None of " + plan + " is in the call");
	}

	private static PermissionContext.Builder newContext(@Nullable RequestValues request) {
		PermissionContext.Builder context = PermissionContext.builder();
		if (request != null) {
			context.httpMethod(request.httpMethod())
				.pathVariables(request.uriVariables())
				.requestParameters(request.parameters());
		}
		return context;
	}

	private static ResolvedContext resolved(PermissionContext.Builder context, ResolutionPlan plan, int index,
			Object value, Map<String, Object> attributes) {
		context.value(plan.name(index), value);
		return new ResolvedContext(context.build(), resource(plan.resourceType(index), value, attributes));
	}

	// Alternatives for one resource (fetch = {"event_id", "eventId"}) that the call
	// carries both, with different values: the method may use either, so the check
	// cannot say which it reads
	private static void agreeWithLaterAlternatives(ResolutionPlan plan, int found, Object value,
			@Nullable Object[] arguments, @Nullable RequestValues request) {
		for (int j = found + 1; j < plan.size(); j++) {
			if (plan.resourceType(j).equals(plan.resourceType(found))) {
				Object other = SourcePolicy.value(plan.key(j), arguments, request);
				if (other != null && !other.toString().equals(value.toString())) {
					throw new PermissionContextException(Reason.INVALID_VALUE, plan.resourceType(found),
							"fetch alternatives '" + plan.key(found).key() + "' and '" + plan.key(j).key()
									+ "' name different values ('" + value + "', '" + other + "')");
				}
			}
		}
	}

	// a bound form or body that names the key must agree with what the model says
	private static void agreeWithModel(KeySource answered, Object value, @Nullable Object[] arguments,
			String resourceType) {
		try {
			SourcePolicy.agree(answered, value, arguments);
		}
		catch (PermissionContextException ex) {
			throw new ModelDisagreementException(resourceType, String.valueOf(ex.getMessage()));
		}
	}

	private static Resource resource(String type, Object value, Map<String, Object> attributes) {
		Resource resource = Resource.of(type, value);
		return attributes.isEmpty() ? resource : new Resource(type, resource.id(), null, attributes);
	}

	// The value in the call against what the model says (with cross-checking on), and
	// the resource attributes the lookup read, given only when the lookup's row is the
	// resource checked: attributes of another object must never stand in for its own
	private Map<String, Object> crossCheck(ResolutionPlan plan, int index, Object value, @Nullable Object[] arguments,
			@Nullable RequestValues request) {
		List<ModelLookup> lookups = plan.lookups();
		// indexed: a call allocates no iterator
		for (int j = 0; j < lookups.size(); j++) {
			ModelLookup lookup = lookups.get(j);
			Object lookupValue = SourcePolicy.value(lookup.lookup(), arguments, request);
			if (lookupValue != null) {
				Found found = lookUp(lookup, lookupValue, request);
				Object modelValue = found.value();
				if (!modelValue.toString().equals(value.toString())) {
					if (!this.crossCheck) {
						return Map.of();
					}
					throw new PermissionContextException(Reason.NOT_FOUND, plan.resourceType(index),
							lookup.query().entityName() + " '" + lookupValue + "' has " + lookup.query().attributePath()
									+ " '" + modelValue + "', but the call says " + plan.key(index).key() + " '" + value
									+ "'");
				}
				return lookup.resourceType().equals(plan.resourceType(index)) ? found.attributes() : Map.of();
			}
		}
		return Map.of();
	}

	private Found lookUp(ModelLookup lookup, Object lookupValue, @Nullable RequestValues request) {
		ModelQuery query = lookup.query();
		Object key = convert(lookupValue, query.keyType(), lookup);
		List<@Nullable Object> rows = find(query, key, request);
		if (rows.size() > 1) {
			throw new AmbiguousLookupException(lookup.resourceType(), "Lookup of " + query.entityName() + " by "
					+ query.keyAttribute() + " '" + key + "' matched more than one row");
		}
		Object row = rows.isEmpty() ? null : rows.get(0);
		Map<String, Object> attributes = Map.of();
		List<String> names = query.attributes();
		if (!names.isEmpty() && row != null) {
			if (!(row instanceof Object[] columns) || columns.length != names.size() + 1) {
				throw new PermissionEvaluationException(
						"Lookup of " + query.entityName() + " did not answer its value and " + names);
			}
			row = columns[0];
			attributes = new HashMap<>();
			for (int i = 0; i < names.size(); i++) {
				// a null column is a missing attribute: a condition reading it fails
				if (columns[i + 1] != null) {
					attributes.put(ModelQuery.attributeName(names.get(i)), columns[i + 1]);
				}
			}
		}
		if (row == null) {
			throw new PermissionContextException(Reason.NOT_FOUND, lookup.resourceType(),
					"No " + query.entityName() + " with " + query.keyAttribute() + " '" + key + "' (or its "
							+ query.attributePath() + " is null)");
		}
		return new Found(row, attributes);
	}

	private Object convert(Object value, Class<?> type, ModelLookup lookup) {
		if (type.isInstance(value)) {
			return value;
		}
		Object converted;
		try {
			converted = this.conversionService.convert(value, type);
		}
		catch (ConversionException | IllegalArgumentException ex) {
			converted = null;
		}
		if (converted == null) {
			throw new PermissionContextException(Reason.INVALID_VALUE, lookup.resourceType(),
					"'" + lookup.lookupKey() + "' cannot be converted to " + type.getSimpleName());
		}
		return converted;
	}

	@SuppressWarnings("unchecked")
	private List<@Nullable Object> find(ModelQuery query, Object key, @Nullable RequestValues request) {
		Assert.state(this.modelQueries != null, "model lookups need JPA");
		Map<MemoKey, List<@Nullable Object>> memo = null;
		MemoKey memoKey = new MemoKey(query.query(), key);
		if (request != null) {
			memo = (Map<MemoKey, List<@Nullable Object>>) request.getAttribute(MEMO_ATTRIBUTE);
			if (memo == null) {
				memo = new HashMap<>();
				request.setAttribute(MEMO_ATTRIBUTE, memo);
			}
			List<@Nullable Object> rows = memo.get(memoKey);
			if (rows != null) {
				return rows;
			}
		}
		List<@Nullable Object> rows;
		try {
			rows = this.modelQueries.find(query, key);
		}
		catch (RuntimeException ex) {
			throw new PermissionEvaluationException("Lookup of " + query.entityName() + " failed", ex);
		}
		if (memo != null) {
			memo.put(memoKey, rows);
		}
		return rows;
	}

	private record MemoKey(String query, Object key) {

	}

	private record Found(Object value, Map<String, Object> attributes) {

	}

}
