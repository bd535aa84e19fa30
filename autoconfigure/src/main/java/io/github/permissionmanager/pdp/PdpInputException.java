package io.github.permissionmanager.pdp;

import org.springframework.util.Assert;

/**
 * A request body the decision point cannot read: malformed JSON, an unknown field, a
 * missing or mistyped one. Answered with a 400 problem that names the field.
 */
public class PdpInputException extends RuntimeException {

	private final String field;

	/**
	 * Create the exception.
	 * @param field the field, as a path into the body ({@code checks[3].user.key}), or an
	 * empty string for the body as a whole
	 * @param problem what is wrong with it
	 */
	public PdpInputException(String field, String problem) {
		super(field.isEmpty() ? problem : field + ": " + problem);
		Assert.notNull(field, "field cannot be null");
		this.field = field;
	}

	/**
	 * The field that is wrong.
	 * @return its path into the body, empty for the body as a whole
	 */
	public String getField() {
		return this.field;
	}

}
