package io.github.permissionmanager.enforce;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Subject;

import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Evaluates {@code leaveIf} and {@code check}. The evaluation context is read-only data
 * binding: no type references, no constructors, no bean references, no assignment, and no
 * method calls on {@code Class}; request values reach an expression only as variables,
 * never as expression text, so they cannot inject SpEL.
 */
final class RuleConditions {

	private RuleConditions() {
	}

	static boolean evaluate(String attribute, Expression expression, PermissionContext context, Subject subject) {
		SimpleEvaluationContext evaluation = SimpleEvaluationContext.forReadOnlyDataBinding()
			.withInstanceMethods()
			.withRootObject(context)
			.build();
		context.values().forEach(evaluation::setVariable);
		evaluation.setVariable("context", context);
		evaluation.setVariable("subject", subject);
		try {
			return Boolean.TRUE.equals(expression.getValue(evaluation, Boolean.class));
		}
		catch (EvaluationException ex) {
			throw new PermissionEvaluationException(
					"Could not evaluate " + attribute + " '" + expression.getExpressionString() + "'", ex);
		}
	}

}
