package io.github.permissionmanager.decide;

import java.util.Map;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * What the conditions of one check read: {@code subject}, {@code resource} and
 * {@code context} (as the root's properties and as variables), and the policy sets as
 * {@code userSets} and {@code resourceSets}, made once per check and only when a
 * conditional grant could allow it. Persisted attributes come first, those supplied with
 * the check override them, and the built-in names ({@code subject.id},
 * {@code subject.groups}, {@code resource.type}, {@code resource.id},
 * {@code resource.tenant}) override both. The SpEL evaluation context is built only for a
 * condition that needs SpEL; {@link FastCondition} reads {@link #value} directly.
 */
final class ConditionInput {

	private final Subject subject;

	private final @Nullable Resource resource;

	private final PermissionContext context;

	private final Map<String, Object> subjectAttributes;

	private final Map<String, Object> resourceAttributes;

	private final PolicySets sets;

	private @Nullable SimpleEvaluationContext evaluation;

	private ConditionInput(Subject subject, @Nullable Resource resource, PermissionContext context,
			Map<String, Object> subjectAttributes, Map<String, Object> resourceAttributes, PolicySets sets) {
		this.subject = subject;
		this.resource = resource;
		this.context = context;
		this.subjectAttributes = subjectAttributes;
		this.resourceAttributes = resourceAttributes;
		this.sets = sets;
	}

	/**
	 * The input of a check.
	 * @param subject who asks, with its just-in-time attributes
	 * @param resource what it is about, with its just-in-time attributes, or {@code null}
	 * @param context what was resolved for the call
	 * @param subjectAttributes the subject's persisted attributes
	 * @param resourceAttributes the resource's persisted attributes
	 * @param sets the user and resource sets conditions may name
	 * @return the input
	 */
	static ConditionInput of(Subject subject, @Nullable Resource resource, PermissionContext context,
			Map<String, Object> subjectAttributes, Map<String, Object> resourceAttributes, PolicySets sets) {
		return new ConditionInput(subject, resource, context, subjectAttributes, resourceAttributes, sets);
	}

	/**
	 * An attribute as a condition reads it, the way {@link ConditionAttributes} lays them
	 * out, its name matched against the built-in ones once, by {@link Read#of}.
	 * @param read what the name reads, {@link Read#of} the attribute's root and name
	 * @param name its name
	 * @return the value, or {@code null} when there is none (an error for a condition)
	 */
	@Nullable Object value(Read read, String name) {
		switch (read) {
			case SUBJECT_ID:
				return this.subject.id();
			case SUBJECT_GROUPS:
				return this.subject.groups();
			case SUBJECT_ATTRIBUTE:
				Object own = this.subject.attributes().get(name);
				return (own != null) ? own : this.subjectAttributes.get(name);
			case CONTEXT_VALUE:
				return this.context.values().get(name);
			default:
				break;
		}
		Resource resource = this.resource;
		if (resource == null) {
			// no built-in names without a resource: persisted attributes only
			return this.resourceAttributes.get(name);
		}
		switch (read) {
			case RESOURCE_TYPE:
				return resource.type();
			case RESOURCE_ID:
				return resource.id();
			case RESOURCE_TENANT:
				return resource.tenant();
			default:
				Object its = resource.attributes().get(name);
				return (its != null) ? its : this.resourceAttributes.get(name);
		}
	}

	SimpleEvaluationContext evaluation() {
		SimpleEvaluationContext evaluation = this.evaluation;
		if (evaluation == null) {
			evaluation = build();
			this.evaluation = evaluation;
		}
		return evaluation;
	}

	private SimpleEvaluationContext build() {
		ConditionAttributes subjectValues = ConditionAttributes.of(this.subject, this.subjectAttributes);
		ConditionAttributes resourceValues = ConditionAttributes.of(this.resource, this.resourceAttributes);
		ConditionAttributes contextValues = ConditionAttributes.of(this.context);
		SetMembership userSets = new SetMembership(this.sets, PolicySets.Kind.USER, null);
		SetMembership resourceSets = new SetMembership(this.sets, PolicySets.Kind.RESOURCE,
				(this.resource != null) ? this.resource.type() : null);
		ConditionAttributes root = ConditionAttributes.root(subjectValues, resourceValues, contextValues, userSets,
				resourceSets);
		SimpleEvaluationContext evaluation = RestrictedSpel.context(root, ConditionAttributes.ACCESSOR,
				SetMembership.ACCESSOR);
		evaluation.setVariable("subject", subjectValues);
		evaluation.setVariable("resource", resourceValues);
		evaluation.setVariable("context", contextValues);
		evaluation.setVariable("userSets", userSets);
		evaluation.setVariable("resourceSets", resourceSets);
		return evaluation;
	}

	/**
	 * Whose attributes a condition reads.
	 */
	enum Root {

		SUBJECT, RESOURCE, CONTEXT

	}

	/**
	 * What an attribute's name reads: a built-in value or an attribute by name, decided
	 * once for a parsed condition rather than by comparing names at every check.
	 */
	enum Read {

		SUBJECT_ID, SUBJECT_GROUPS, SUBJECT_ATTRIBUTE, RESOURCE_TYPE, RESOURCE_ID, RESOURCE_TENANT, RESOURCE_ATTRIBUTE,
		CONTEXT_VALUE;

		/**
		 * What a name of a root reads.
		 * @param root whose attribute
		 * @param name its name
		 * @return what it reads
		 */
		static Read of(Root root, String name) {
			return switch (root) {
				case SUBJECT -> switch (name) {
					case "id" -> SUBJECT_ID;
					case "groups" -> SUBJECT_GROUPS;
					default -> SUBJECT_ATTRIBUTE;
				};
				case RESOURCE -> switch (name) {
					case "type" -> RESOURCE_TYPE;
					case "id" -> RESOURCE_ID;
					case "tenant" -> RESOURCE_TENANT;
					default -> RESOURCE_ATTRIBUTE;
				};
				case CONTEXT -> CONTEXT_VALUE;
			};
		}

	}

}
