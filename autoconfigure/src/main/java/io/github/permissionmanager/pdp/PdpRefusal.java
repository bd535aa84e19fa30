package io.github.permissionmanager.pdp;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;

/**
 * The decision point refuses a request before deciding anything: its caller is not
 * authenticated (401) or not allowed to ask (403), the body is too large (413) or not
 * JSON (415), or the question needs something this decision point lacks (501).
 */
public class PdpRefusal extends RuntimeException {

	private final HttpStatus status;

	/**
	 * Create the refusal.
	 * @param status the status of the answer
	 * @param detail what the caller is told
	 */
	public PdpRefusal(HttpStatus status, String detail) {
		super(detail);
		Assert.notNull(status, "status cannot be null");
		this.status = status;
	}

	/**
	 * The status of the answer.
	 * @return the status
	 */
	public HttpStatus getStatus() {
		return this.status;
	}

}
