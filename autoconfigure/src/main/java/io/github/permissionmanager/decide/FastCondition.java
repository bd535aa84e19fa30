package io.github.permissionmanager.decide;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.OpAnd;
import org.springframework.expression.spel.ast.OpEQ;
import org.springframework.expression.spel.ast.OpNE;
import org.springframework.expression.spel.ast.OpOr;
import org.springframework.expression.spel.ast.OperatorNot;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * The common shape of a condition, read without SpEL: attributes compared with text
 * ({@code resource.status == 'draft'}, {@code subject.location != 'England'},
 * {@code resource['status']}, {@code #resource.status}), joined by {@code and},
 * {@code or} and {@code !}. A check evaluates it on the attributes as they are, with no
 * evaluation context, no maps copied and nothing allocated, and with SpEL's meaning
 * exactly: an attribute that is not there is an error that fails the whole condition
 * (negated or not), {@code and} and {@code or} stop at their first operand as SpEL does,
 * and text equals only text ({@code 3} is not {@code '3'}). Any other condition has no
 * such form and is evaluated by SpEL.
 */
abstract class FastCondition {

	static final int FALSE = 0;

	static final int TRUE = 1;

	static final int ERROR = -1;

	/**
	 * Evaluate the condition.
	 * @param input what the check's conditions read
	 * @return {@link #TRUE}, {@link #FALSE} or {@link #ERROR}
	 */
	abstract int evaluate(ConditionInput input);

	/**
	 * The form of a parsed condition without SpEL, when it has one.
	 * @param expression the parsed condition
	 * @return the form, or {@code null} to evaluate the condition with SpEL
	 */
	static @Nullable FastCondition of(Expression expression) {
		return (expression instanceof SpelExpression spel) ? of(spel.getAST()) : null;
	}

	private static @Nullable FastCondition of(SpelNode node) {
		if ((node instanceof OpAnd || node instanceof OpOr) && node.getChildCount() == 2) {
			FastCondition left = of(node.getChild(0));
			FastCondition right = of(node.getChild(1));
			if (left == null || right == null) {
				return null;
			}
			return (node instanceof OpAnd) ? new And(left, right) : new Or(left, right);
		}
		if (node instanceof OperatorNot && node.getChildCount() == 1) {
			FastCondition operand = of(node.getChild(0));
			return (operand != null) ? new Not(operand) : null;
		}
		if ((node instanceof OpEQ || node instanceof OpNE) && node.getChildCount() == 2) {
			Attribute attribute = Attribute.of(node.getChild(0));
			String text = text(node.getChild(1));
			if (attribute == null || text == null) {
				attribute = Attribute.of(node.getChild(1));
				text = text(node.getChild(0));
			}
			if (attribute == null || text == null) {
				return null;
			}
			return new Equals(attribute, text, node instanceof OpNE);
		}
		return null;
	}

	private static @Nullable String text(SpelNode node) {
		if (node instanceof StringLiteral literal) {
			Object value = literal.getLiteralValue().getValue();
			return (value instanceof String text) ? text : null;
		}
		return null;
	}

	/**
	 * An attribute of {@code subject}, {@code resource} or {@code context}, read by name.
	 */
	record Attribute(ConditionInput.Read read, String name) {

		static @Nullable Attribute of(SpelNode node) {
			if (!(node instanceof CompoundExpression) || node.getChildCount() != 2) {
				return null;
			}
			ConditionInput.Root root = root(node.getChild(0));
			String name = name(node.getChild(1));
			// interned: attribute names written as literals are then found in their
			// maps by identity, without comparing characters
			return (root != null && name != null) ? new Attribute(ConditionInput.Read.of(root, name), name.intern())
					: null;
		}

		private static ConditionInput.@Nullable Root root(SpelNode node) {
			String name = null;
			if (node instanceof PropertyOrFieldReference property && !property.isNullSafe()) {
				name = property.getName();
			}
			else if (node instanceof VariableReference variable) {
				String text = variable.toStringAST();
				name = text.startsWith("#") ? text.substring(1) : null;
			}
			if (name == null) {
				return null;
			}
			return switch (name) {
				case "subject" -> ConditionInput.Root.SUBJECT;
				case "resource" -> ConditionInput.Root.RESOURCE;
				case "context" -> ConditionInput.Root.CONTEXT;
				default -> null;
			};
		}

		private static @Nullable String name(SpelNode node) {
			if (node instanceof PropertyOrFieldReference property && !property.isNullSafe()) {
				return property.getName();
			}
			if (node instanceof Indexer indexer && !indexer.isNullSafe() && indexer.getChildCount() == 1) {
				return text(indexer.getChild(0));
			}
			return null;
		}

	}

	private static final class And extends FastCondition {

		private final FastCondition left;

		private final FastCondition right;

		And(FastCondition left, FastCondition right) {
			this.left = left;
			this.right = right;
		}

		@Override
		int evaluate(ConditionInput input) {
			int left = this.left.evaluate(input);
			return (left != TRUE) ? left : this.right.evaluate(input);
		}

	}

	private static final class Or extends FastCondition {

		private final FastCondition left;

		private final FastCondition right;

		Or(FastCondition left, FastCondition right) {
			this.left = left;
			this.right = right;
		}

		@Override
		int evaluate(ConditionInput input) {
			int left = this.left.evaluate(input);
			return (left != FALSE) ? left : this.right.evaluate(input);
		}

	}

	private static final class Not extends FastCondition {

		private final FastCondition operand;

		Not(FastCondition operand) {
			this.operand = operand;
		}

		@Override
		int evaluate(ConditionInput input) {
			int operand = this.operand.evaluate(input);
			return (operand == ERROR) ? ERROR : (operand == TRUE) ? FALSE : TRUE;
		}

	}

	// SpEL's equality of a value and a text: text equals text (any CharSequence by its
	// characters); a value of any other type is not equal to a text, as no common
	// Comparable ancestor of String and another class exists
	private static final class Equals extends FastCondition {

		private final Attribute attribute;

		private final String text;

		private final boolean negated;

		Equals(Attribute attribute, String text, boolean negated) {
			this.attribute = attribute;
			this.text = text;
			this.negated = negated;
		}

		@Override
		int evaluate(ConditionInput input) {
			Object value = input.value(this.attribute.read(), this.attribute.name());
			if (value == null) {
				return ERROR;
			}
			boolean equal = (value instanceof CharSequence characters) && this.text.equals(characters.toString());
			return (equal != this.negated) ? TRUE : FALSE;
		}

	}

}
