package io.github.permissionmanager.enforce;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.Assign;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * Parses {@code leaveIf} and {@code check} at startup, rejects what conditions may not do
 * (type and bean references, constructors, assignments) and a {@code leaveIf} that reads
 * nothing of the call (a constant would make the annotation a no-op), and names the
 * variables an expression reads, so a variable that no source can provide is a startup
 * error.
 */
final class RuleExpressions {

	private final ExpressionParser parser = new SpelExpressionParser();

	@Nullable Expression parse(String attribute, @Nullable String text, List<String> problems) {
		if (text == null) {
			return null;
		}
		Expression expression;
		try {
			expression = this.parser.parseExpression(text);
		}
		catch (ParseException ex) {
			problems.add("bad SpEL in " + attribute + " '" + text + "': " + ex.getSimpleMessage());
			return null;
		}
		String forbidden = (expression instanceof SpelExpression spel) ? forbidden(spel.getAST()) : null;
		if (forbidden != null) {
			problems.add("SpEL in " + attribute + " '" + text + "' uses " + forbidden
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

	// The evaluation context refuses these too; rejecting them here makes the mistake a
	// startup error
	private static @Nullable String forbidden(SpelNode node) {
		if (node instanceof TypeReference) {
			return "a type reference";
		}
		if (node instanceof BeanReference) {
			return "a bean reference";
		}
		if (node instanceof ConstructorReference) {
			return "a constructor";
		}
		if (node instanceof Assign) {
			return "an assignment";
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			String found = forbidden(node.getChild(i));
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
