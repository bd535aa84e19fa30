package io.github.permissionmanager.decide;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.Assign;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.DataBindingPropertyAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * The one home of what SpEL written by users may do: a rule's {@code leaveIf} and
 * {@code check} and a grant's condition are parsed and evaluated here alike. Parsing
 * rejects type and bean references, constructors and assignments; evaluation is read-only
 * data binding (no type references, no constructors, no bean references, no assignment,
 * no method calls on {@code Class}), with instance methods such as
 * {@code String.startsWith}.
 */
public final class RestrictedSpel {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private RestrictedSpel() {
	}

	/**
	 * Parse an expression and check that it uses only what is allowed.
	 * @param text the expression
	 * @return the parsed expression
	 * @throws ParseException when it does not parse
	 * @throws Forbidden when it uses something that is not allowed
	 */
	public static Expression parse(String text) {
		Expression expression = PARSER.parseExpression(text);
		if (expression instanceof SpelExpression spel) {
			SpelNode node = forbidden(spel.getAST());
			if (node != null) {
				throw new Forbidden(what(node), node.getStartPosition());
			}
		}
		return expression;
	}

	/**
	 * An evaluation context over a root object, with nothing but read-only data binding
	 * and instance methods.
	 * @param root the root object
	 * @param accessors property accessors asked before data binding, for values that are
	 * not beans (such as attributes read by name)
	 * @return a builder of the context, to add variables to once built
	 */
	public static SimpleEvaluationContext context(Object root, PropertyAccessor... accessors) {
		PropertyAccessor[] all = new PropertyAccessor[accessors.length + 1];
		System.arraycopy(accessors, 0, all, 0, accessors.length);
		all[accessors.length] = DataBindingPropertyAccessor.forReadOnlyAccess();
		return SimpleEvaluationContext.forPropertyAccessors(all)
			.withAssignmentDisabled()
			.withInstanceMethods()
			.withRootObject(root)
			.build();
	}

	// The evaluation context refuses these too; rejecting them when parsing makes the
	// mistake one of configuration, not of every call
	private static @Nullable SpelNode forbidden(SpelNode node) {
		if (node instanceof TypeReference || node instanceof BeanReference || node instanceof ConstructorReference
				|| node instanceof Assign) {
			return node;
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			SpelNode found = forbidden(node.getChild(i));
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static String what(SpelNode node) {
		if (node instanceof TypeReference) {
			return "a type reference";
		}
		if (node instanceof BeanReference) {
			return "a bean reference";
		}
		if (node instanceof ConstructorReference) {
			return "a constructor";
		}
		return "an assignment";
	}

	/**
	 * An expression that parses but uses what user-written SpEL may not.
	 */
	public static final class Forbidden extends IllegalArgumentException {

		private final String what;

		private final int position;

		Forbidden(String what, int position) {
			super("uses " + what + " at position " + position);
			this.what = what;
			this.position = position;
		}

		/**
		 * What the expression uses, such as {@code a type reference}.
		 * @return the construct
		 */
		public String what() {
			return this.what;
		}

		/**
		 * Where in the expression text it starts.
		 * @return the position, from 0
		 */
		public int position() {
			return this.position;
		}

	}

}
