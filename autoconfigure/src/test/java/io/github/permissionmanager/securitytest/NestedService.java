package io.github.permissionmanager.securitytest;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.stereotype.Service;

/**
 * A guarded method whose body calls another guarded method.
 */
@Service
public class NestedService {

	private final NestedService.Inner inner;

	NestedService(NestedService.Inner inner) {
		this.inner = inner;
	}

	@RequiresPermissions("board:list")
	public String outer() {
		return this.inner.secret();
	}

	/**
	 * The guarded method the outer one calls.
	 */
	@Service
	public static class Inner {

		@RequiresPermissions("board:secret")
		public String secret() {
			return "secret";
		}

	}

}
