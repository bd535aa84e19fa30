package io.github.permissionmanager.enforce;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.decide.RestrictedSpel;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * Parses {@code leaveIf} and {@code check} at startup through {@link RestrictedSpel}
 * (which rejects type and bean references, constructors, assignments), rejects a
 * {@code leaveIf} that reads nothing of the call (a constant would make the annotation a
 * no-op), and names the variables an expression reads, so a variable that no source can
 * provide is a startup error.
 */
final class RuleExpressions {

	@Nullable Expression parse(String attribute, @Nullable String text, List<String> problems) {
		if (text == null) {
			return null;
		}
		Expression expression;
		try {
			expression = RestrictedSpel.parse(text);
		}
		catch (ParseException ex) {
			problems.add("bad SpEL in " + attribute + " '" + text + "': " + ex.getSimpleMessage());
			return null;
		}
		catch (RestrictedSpel.Forbidden ex) {
			problems.add("SpEL in " + attribute + " '" + text + "' uses " + ex.what()
					+ ", which conditions do not allow (they read the context only)");
			return null;
		}
		if (attribute.startsWith("leave") && expression instanceof SpelExpression spel && constant(spel.getAST())) {
			problems.add("SpEL in " + attribute + " '" + text + "' reads nothing of the call, so it always gives "
					+ "the same answer (always true would let every call through unchecked): make it read the "
					+ "call's values, #subject or #context, or remove it");
			return null;
		}
		return expression;
	}

	// An expression of literals and operators only: no variable, property, method or
	// function reference anywhere
	private static boolean constant(SpelNode node) {
		if (node instanceof VariableReference || node instanceof PropertyOrFieldReference
				|| node instanceof MethodReference || node instanceof FunctionReference) {
			return false;
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			if (!constant(node.getChild(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The variables an expression reads ({@code #name}), without {@code #this} and
	 * {@code #root}.
	 * @param expression the parsed expression
	 * @return the variable names, in order of appearance
	 */
	static Set<String> variables(Expression expression) {
		Set<String> names = new LinkedHashSet<>();
		if (expression instanceof SpelExpression spel) {
			collect(spel.getAST(), names);
		}
		names.remove("this");
		names.remove("root");
		return names;
	}

	private static void collect(SpelNode node, Set<String> names) {
		if (node instanceof VariableReference) {
			// the AST prints a variable reference as "#name"
			names.add(node.toStringAST().substring(1));
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			collect(node.getChild(i), names);
		}
	}

}
