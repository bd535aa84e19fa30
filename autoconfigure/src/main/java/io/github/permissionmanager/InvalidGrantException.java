package io.github.permissionmanager;

import org.springframework.util.Assert;

/**
 * Thrown by {@link PermissionGrants} when a grant or a membership cannot be stored: an
 * empty or overlong name, a permission that does not parse, or (with
 * {@code permission-manager.permissions.strict=true}) one nothing requires. Names the
 * field at fault, so a form can show the message beside it. Nothing is written.
 */
public class InvalidGrantException extends IllegalArgumentException {

	private final String field;

	/**
	 * Create an exception.
	 * @param field the field at fault, named as the {@link Grant} component it is
	 * ({@code grantee}, {@code permission}, {@code resourceType}, {@code resourceId},
	 * {@code tenant}), or {@code group} / {@code user} for a membership
	 * @param message what is wrong with it
	 */
	public InvalidGrantException(String field, String message) {
		super(message);
		Assert.hasText(field, "field cannot be empty");
		this.field = field;
	}

	/**
	 * The field at fault.
	 * @return its name
	 */
	public String getField() {
		return this.field;
	}

}
