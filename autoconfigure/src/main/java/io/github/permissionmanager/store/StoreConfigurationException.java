package io.github.permissionmanager.store;

/**
 * Thrown at startup when the grant store, or what it needs, is configured in a way that
 * cannot work. It says what is wrong and what to do instead, which startup failure
 * analysis shows as its description and action.
 */
public class StoreConfigurationException extends IllegalStateException {

	private final String description;

	private final String action;

	/**
	 * Create an exception.
	 * @param description what is wrong, naming the property or the missing piece
	 * @param action what to do instead
	 */
	public StoreConfigurationException(String description, String action) {
		super(description + ": " + action);
		this.description = description;
		this.action = action;
	}

	/**
	 * Create an exception with a cause.
	 * @param description what is wrong, naming the property or the missing piece
	 * @param action what to do instead
	 * @param cause why it could not work
	 */
	public StoreConfigurationException(String description, String action, Throwable cause) {
		super(description + ": " + action, cause);
		this.description = description;
		this.action = action;
	}

	/**
	 * What is wrong.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * What to do instead.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
