package io.github.permissionmanager;

/**
 * The publisher of {@link PermissionDecisionPublisher#none()}.
 */
enum NoDecisionPublisher implements PermissionDecisionPublisher {

	INSTANCE;

	@Override
	public boolean isPublishing(boolean allowed) {
		return false;
	}

	@Override
	public void publish(PermissionDecisionEvent event) {
	}

}
