package io.github.permissionmanager.sample.web;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages a client may ask for: at most 100 sessions, sorted by id or title (a sort
 * property is a path the database follows, so it is never left to the client).
 */
final class Pages {

	private static final int MAX_PAGE_SIZE = 100;

	private static final List<String> SORTABLE = List.of("id", "title");

	private Pages() {
	}

	static Pageable checked(Pageable pageable) {
		if (pageable.getPageSize() > MAX_PAGE_SIZE
				|| !pageable.getSort().stream().allMatch((order) -> SORTABLE.contains(order.getProperty()))) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"size is at most " + MAX_PAGE_SIZE + "; sort by " + String.join(" or ", SORTABLE));
		}
		return pageable;
	}

}
