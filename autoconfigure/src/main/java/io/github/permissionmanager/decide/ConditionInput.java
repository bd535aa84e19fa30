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
 * {@code userSets} and {@code resourceSets}, built once per check and only when a
 * conditional grant could allow it. Persisted attributes come first, those supplied with
 * the check override them.
 */
final class ConditionInput {

	private final SimpleEvaluationContext evaluation;

	private ConditionInput(SimpleEvaluationContext evaluation) {
		this.evaluation = evaluation;
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
		ConditionAttributes subjectValues = ConditionAttributes.of(subject, subjectAttributes);
		ConditionAttributes resourceValues = ConditionAttributes.of(resource, resourceAttributes);
		ConditionAttributes contextValues = ConditionAttributes.of(context);
		SetMembership userSets = new SetMembership(sets, PolicySets.Kind.USER, null);
		SetMembership resourceSets = new SetMembership(sets, PolicySets.Kind.RESOURCE,
				(resource != null) ? resource.type() : null);
		ConditionAttributes root = ConditionAttributes.root(subjectValues, resourceValues, contextValues, userSets,
				resourceSets);
		SimpleEvaluationContext evaluation = RestrictedSpel.context(root, ConditionAttributes.ACCESSOR,
				SetMembership.ACCESSOR);
		evaluation.setVariable("subject", subjectValues);
		evaluation.setVariable("resource", resourceValues);
		evaluation.setVariable("context", contextValues);
		evaluation.setVariable("userSets", userSets);
		evaluation.setVariable("resourceSets", resourceSets);
		return new ConditionInput(evaluation);
	}

	SimpleEvaluationContext evaluation() {
		return this.evaluation;
	}

}
