package io.github.permissionmanager.enforce;

import java.util.Map;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.RestrictedSpel;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Evaluates {@code leaveIf} and {@code check} in {@link RestrictedSpel}'s context, the
 * one grant conditions are evaluated in too: read-only data binding: no type references,
 * no constructors, no bean references, no assignment, and no method calls on
 * {@code Class}; request values reach an expression only as variables, never as
 * expression text, so they cannot inject SpEL. Whatever the expression throws — a SpEL
 * error or a method's own exception, such as {@code substring} out of range — is a failed
 * evaluation (503), never an answer.
 */
final class RuleConditions {

	private RuleConditions() {
	}

	static boolean evaluate(String attribute, Expression expression, PermissionContext context,
			@Nullable Subject subject, Map<String, @Nullable Object> variables) {
		try {
			SimpleEvaluationContext evaluation = RestrictedSpel.context(context);
			variables.forEach(evaluation::setVariable);
			context.values().forEach(evaluation::setVariable);
			evaluation.setVariable("context", context);
			evaluation.setVariable("subject", subject);
			return Boolean.TRUE.equals(expression.getValue(evaluation, Boolean.class));
		}
		// Exception, not EvaluationException: SpEL rethrows what a called method throws
		// as is
		catch (Exception | Error ex) {
			throw new PermissionEvaluationException(
					"Could not evaluate " + attribute + " '" + expression.getExpressionString() + "'", ex);
		}
	}

}
