package io.github.permissionmanager;

/**
 * Where a credential goes in a request to the connected service.
 */
public enum KeyLocation {

	/** A request header. */
	HEADER,

	/** A query parameter. */
	QUERY,

	/** A field of the request body (written by the application). */
	BODY

}
