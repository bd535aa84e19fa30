package io.github.permissionmanager.sample.access;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import org.jspecify.annotations.Nullable;

/**
 * A grant as the API shows it and takes it: {@code {"user": "dave", "permission":
 * "coorganizer", "type": "event", "id": "2"}}. Exactly one of {@code user} and
 * {@code group} is set.
 *
 * @param user the user it is given to
 * @param group the group it is given to
 * @param permission the permission or role
 * @param type the resource type it is limited to, or {@code null} for all
 * @param id the object it is limited to, or {@code null} for every object of the type
 */
record GrantView(@Nullable String user, @Nullable String group, @Nullable String permission, @Nullable String type,
		@Nullable String id) {

	static GrantView of(Grant grant) {
		boolean user = grant.grantee().kind() == Grantee.Kind.USER;
		return new GrantView(user ? grant.grantee().name() : null, user ? null : grant.grantee().name(),
				grant.permission(), grant.resourceType(), grant.resourceId());
	}

	/**
	 * The grant this view describes.
	 * @return the grant
	 * @throws IllegalArgumentException when the view does not describe a valid grant
	 */
	Grant toGrant() {
		if ((this.user == null) == (this.group == null)) {
			throw new IllegalArgumentException("give exactly one of 'user' and 'group'");
		}
		if (this.permission == null || this.permission.isBlank()) {
			throw new IllegalArgumentException("'permission' is required");
		}
		if (this.id != null && this.type == null) {
			throw new IllegalArgumentException("'id' requires a 'type'");
		}
		Grantee grantee = (this.user != null) ? Grantee.user(this.user) : Grantee.group(notNull(this.group));
		Grant grant = Grant.of(grantee, this.permission);
		if (this.type != null) {
			grant = (this.id != null) ? grant.on(this.type, this.id) : grant.on(this.type);
		}
		return grant;
	}

	private static String notNull(@Nullable String value) {
		if (value == null) {
			throw new IllegalArgumentException("missing value");
		}
		return value;
	}

}
