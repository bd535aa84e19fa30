package io.github.permissionmanager.actuate;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.util.Assert;

/**
 * A parameter of the {@code permissions} endpoint that is missing or invalid: a 400 on
 * every technology, which over Spring MVC {@link PermissionsEndpointProblems} answers as
 * an RFC 9457 problem naming the {@code parameter}.
 */
public final class InvalidParameterException extends InvalidEndpointRequestException {

	private final String parameter;

	/**
	 * Create the exception.
	 * @param parameter the parameter at fault
	 * @param message what the caller is told (holds no secret: it is answered as is)
	 */
	public InvalidParameterException(String parameter, String message) {
		super(message, message);
		Assert.hasText(parameter, "parameter cannot be empty");
		this.parameter = parameter;
	}

	/**
	 * The parameter at fault.
	 * @return its name, such as {@code permission}
	 */
	public String getParameter() {
		return this.parameter;
	}

}
