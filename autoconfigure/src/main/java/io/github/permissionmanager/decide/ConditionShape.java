package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * What a parsed condition reads at its top level ({@code subject}, {@code resource},
 * {@code context}, written as names or as variables) and which policy sets it names, for
 * the checks made when sets and grants are validated; never on the path of a check. Names
 * read inside selections and projections count as read from the top: that makes the
 * checks stricter, never looser.
 */
final class ConditionShape {

	private final Map<String, Integer> roots = new LinkedHashMap<>();

	private final List<SetReference> setReferences = new ArrayList<>();

	private ConditionShape() {
	}

	static ConditionShape of(Expression expression) {
		ConditionShape shape = new ConditionShape();
		if (expression instanceof SpelExpression spel) {
			shape.walk(spel.getAST(), true);
		}
		return shape;
	}

	/**
	 * The top-level names read, each with the position it is first read at.
	 */
	Map<String, Integer> roots() {
		return this.roots;
	}

	List<SetReference> setReferences() {
		return this.setReferences;
	}

	private void walk(SpelNode node, boolean top) {
		if (node instanceof CompoundExpression && node.getChildCount() > 0) {
			SpelNode first = node.getChild(0);
			String root = rootName(first);
			PolicySets.Kind kind = (root != null) ? PolicySets.Kind.ofRoot(root) : null;
			if (kind != null) {
				this.setReferences.add(new SetReference(kind,
						(node.getChildCount() > 1) ? nameOf(node.getChild(1)) : null, node.getStartPosition()));
			}
			if (root != null) {
				if (top) {
					this.roots.putIfAbsent(root, first.getStartPosition());
				}
			}
			else {
				walk(first, top);
			}
			for (int i = 1; i < node.getChildCount(); i++) {
				walk(node.getChild(i), false);
			}
			return;
		}
		String root = top ? rootName(node) : null;
		if (root != null) {
			this.roots.putIfAbsent(root, node.getStartPosition());
			PolicySets.Kind kind = PolicySets.Kind.ofRoot(root);
			if (kind != null) {
				// a set read without a name: as good as a dynamic one
				this.setReferences.add(new SetReference(kind, null, node.getStartPosition()));
			}
		}
		// what an operator, an index or a method's arguments read is read from the top
		for (int i = 0; i < node.getChildCount(); i++) {
			walk(node.getChild(i), true);
		}
	}

	private static @Nullable String rootName(SpelNode node) {
		if (node instanceof PropertyOrFieldReference property) {
			return property.getName();
		}
		if (node instanceof VariableReference variable) {
			String text = variable.toStringAST();
			return text.startsWith("#") ? text.substring(1) : text;
		}
		return null;
	}

	private static @Nullable String nameOf(SpelNode node) {
		if (node instanceof PropertyOrFieldReference property) {
			return property.getName();
		}
		if (node instanceof Indexer && node.getChildCount() == 1 && node.getChild(0) instanceof StringLiteral literal) {
			Object value = literal.getLiteralValue().getValue();
			return (value instanceof String name) ? name : null;
		}
		return null;
	}

	/**
	 * A policy set a condition names.
	 *
	 * @param kind user or resource set
	 * @param name the set's name, or {@code null} when an expression computes it
	 * @param position where in the condition
	 */
	record SetReference(PolicySets.Kind kind, @Nullable String name, int position) {
	}

}
