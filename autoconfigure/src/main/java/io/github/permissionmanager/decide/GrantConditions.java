package io.github.permissionmanager.decide;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.permissionmanager.InvalidGrantException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.util.Assert;

/**
 * Grant conditions: checked when a grant is given, parsed once per distinct text (up to a
 * bound that arbitrary texts cannot grow past) and evaluated fail-closed. A condition
 * applies its grant only when it evaluates to {@link Boolean#TRUE}: an exception, a
 * missing attribute, {@code null} or any other value means the grant does not apply, and
 * never fails the check.
 */
public final class GrantConditions {

	/** The longest condition a grant may carry. */
	public static final int MAX_LENGTH = 1000;

	private static final Log logger = LogFactory.getLog(GrantConditions.class);

	private static final int MAX_CACHED = 4096;

	private final Map<String, Expression> parsed = new ConcurrentHashMap<>();

	private final PolicySets sets;

	/**
	 * Conditions that name no policy sets.
	 */
	public GrantConditions() {
		this(PolicySets.NONE);
	}

	/**
	 * Conditions that may name policy sets.
	 * @param sets the user and resource sets of configuration
	 */
	public GrantConditions(PolicySets sets) {
		Assert.notNull(sets, "sets cannot be null");
		this.sets = sets;
	}

	/**
	 * The user and resource sets conditions may name.
	 * @return the sets
	 */
	public PolicySets sets() {
		return this.sets;
	}

	/**
	 * Check that a grant's condition can be stored: not too long, parses, and uses only
	 * what restricted SpEL allows.
	 * @param condition the condition
	 * @throws InvalidGrantException naming the field {@code condition}, with the position
	 * of the problem in the text
	 */
	public void validate(String condition) {
		validate(condition, null);
	}

	/**
	 * Check that a grant's condition can be stored: not too long, parses, uses only what
	 * restricted SpEL allows, and names only configured sets, each by its name, resource
	 * sets of the grant's resource type.
	 * @param condition the condition
	 * @param resourceType the grant's resource type, or {@code null}
	 * @throws InvalidGrantException naming the field {@code condition}, with the position
	 * of the problem in the text
	 */
	public void validate(String condition, @Nullable String resourceType) {
		if (condition.isBlank()) {
			throw new InvalidGrantException("condition", "condition cannot be blank");
		}
		if (condition.length() > MAX_LENGTH) {
			throw new InvalidGrantException("condition", "condition is longer than " + MAX_LENGTH + " characters");
		}
		Expression expression;
		try {
			expression = parsed(condition);
		}
		catch (ParseException ex) {
			throw new InvalidGrantException("condition", "condition '" + condition + "' does not parse at position "
					+ ex.getPosition() + ": " + ex.getSimpleMessage());
		}
		catch (RestrictedSpel.Forbidden ex) {
			throw new InvalidGrantException("condition", "condition '" + condition + "' uses " + ex.what()
					+ " at position " + ex.position() + ", which conditions do not allow");
		}
		String problem = this.sets.problemOf(expression, resourceType);
		if (problem != null) {
			throw new InvalidGrantException("condition", "condition '" + condition + "' " + problem);
		}
	}

	/**
	 * A condition, parsed.
	 * @param condition the condition
	 * @return the expression
	 * @throws ParseException when it does not parse
	 * @throws RestrictedSpel.Forbidden when it uses what conditions may not
	 */
	Expression parsed(String condition) {
		Expression cached = this.parsed.get(condition);
		if (cached != null) {
			return cached;
		}
		Expression expression = RestrictedSpel.parse(condition);
		if (this.parsed.size() < MAX_CACHED) {
			this.parsed.put(condition, expression);
		}
		return expression;
	}

	/**
	 * Whether a condition holds: {@code true} only when it evaluates to
	 * {@link Boolean#TRUE}.
	 * @param condition the parsed condition
	 * @param input what it reads
	 * @return whether the grant applies
	 */
	static boolean holds(Expression condition, ConditionInput input) {
		try {
			return Boolean.TRUE.equals(condition.getValue(input.evaluation()));
		}
		// Exception and Error alike: SpEL rethrows what a called method throws as is,
		// and a condition that overflows the stack must not fail the check either
		catch (Exception | StackOverflowError ex) {
			logger.debug(LogMessage.format("Condition '%s' failed, so its grant does not apply: %s",
					condition.getExpressionString(), ex));
			return false;
		}
	}

	/**
	 * What a condition evaluates to, said for an explanation.
	 * @param condition the parsed condition
	 * @param input what it reads
	 * @return {@code held}, {@code did not hold}, or why it failed
	 */
	static String outcome(Expression condition, ConditionInput input) {
		Object value;
		try {
			value = condition.getValue(input.evaluation());
		}
		catch (Exception | StackOverflowError ex) {
			return "failed (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")";
		}
		if (Boolean.TRUE.equals(value)) {
			return "held";
		}
		if (Boolean.FALSE.equals(value)) {
			return "did not hold";
		}
		return "answered " + ((value != null) ? "a " + value.getClass().getSimpleName() : "null") + ", not a boolean";
	}

}
