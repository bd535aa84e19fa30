package io.github.permissionmanager.connecttest.app;

import io.github.permissionmanager.Connection;
import io.github.permissionmanager.RequiresConnections;

import org.springframework.stereotype.Service;

/**
 * A service method that needs a connection, called outside any HTTP request (a scheduled
 * job, a message listener) for the user of the current thread.
 */
@Service
public class PublishingService {

	/**
	 * Publish, for the current user.
	 * @return what was done
	 */
	@RequiresConnections(required = @Connection("calendar"))
	public String publish() {
		return "published";
	}

}
