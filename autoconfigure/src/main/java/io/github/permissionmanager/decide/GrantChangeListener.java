package io.github.permissionmanager.decide;

/**
 * Told when grants or memberships change, so cached decisions about the affected subjects
 * are dropped. The store calls it when it writes and again once the transaction
 * completes.
 */
public interface GrantChangeListener {

	/**
	 * A user's grants or group memberships changed.
	 * @param user the user id
	 */
	void userChanged(String user);

	/**
	 * A group's grants changed.
	 * @param group the group name
	 */
	void groupChanged(String group);

}
