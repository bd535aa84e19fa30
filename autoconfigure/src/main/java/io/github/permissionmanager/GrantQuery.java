package io.github.permissionmanager;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Filters for {@link PermissionGrants#users(GrantQuery)} and
 * {@link PermissionGrants#groups(GrantQuery)}, following Edgy: a filter applies only when
 * its list is given; {@code includeNullResourceType} also admits grants with no type when
 * types are given, {@code includeNullResourceId} grants with no id when ids are given.
 *
 * @param permissions the permissions asked about, or {@code null} for any
 * @param resourceTypes the resource types, or {@code null} for any
 * @param objectIds the object ids, or {@code null} for any
 * @param tenants the tenants, or {@code null} for any
 * @param includeNullResourceType whether grants with no resource type count when types
 * are given
 * @param includeNullResourceId whether grants with no object id count when ids are given
 */
public record GrantQuery(@Nullable List<String> permissions, @Nullable List<String> resourceTypes,
		@Nullable List<String> objectIds, @Nullable List<String> tenants, boolean includeNullResourceType,
		boolean includeNullResourceId) {

	public GrantQuery {
		permissions = (permissions != null) ? List.copyOf(permissions) : null;
		resourceTypes = (resourceTypes != null) ? List.copyOf(resourceTypes) : null;
		objectIds = (objectIds != null) ? List.copyOf(objectIds) : null;
		tenants = (tenants != null) ? List.copyOf(tenants) : null;
	}

	/**
	 * A builder with no filters and both {@code includeNull*} flags on.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link GrantQuery}.
	 */
	public static final class Builder {

		private @Nullable List<String> permissions;

		private @Nullable List<String> resourceTypes;

		private @Nullable List<String> objectIds;

		private @Nullable List<String> tenants;

		private boolean includeNullResourceType = true;

		private boolean includeNullResourceId = true;

		private Builder() {
		}

		/**
		 * Only grants that allow one of these permissions.
		 * @param permissions the permissions
		 * @return this builder
		 */
		public Builder permissions(String... permissions) {
			return permissions(Arrays.asList(permissions));
		}

		/**
		 * Only grants that allow one of these permissions.
		 * @param permissions the permissions
		 * @return this builder
		 */
		public Builder permissions(Collection<String> permissions) {
			this.permissions = List.copyOf(permissions);
			return this;
		}

		/**
		 * Only grants on one of these resource types.
		 * @param resourceTypes the types
		 * @return this builder
		 */
		public Builder resourceTypes(String... resourceTypes) {
			this.resourceTypes = List.of(resourceTypes);
			return this;
		}

		/**
		 * Only grants on one of these objects.
		 * @param objectIds the ids; each one's {@code toString()} is the id
		 * @return this builder
		 */
		public Builder objectIds(Object... objectIds) {
			this.objectIds = Arrays.stream(objectIds).map(Object::toString).toList();
			return this;
		}

		/**
		 * Only grants in one of these tenants (or in every tenant).
		 * @param tenants the tenants
		 * @return this builder
		 */
		public Builder tenants(String... tenants) {
			this.tenants = List.of(tenants);
			return this;
		}

		/**
		 * Whether grants with no resource type count when types are given.
		 * @param include whether they count
		 * @return this builder
		 */
		public Builder includeNullResourceType(boolean include) {
			this.includeNullResourceType = include;
			return this;
		}

		/**
		 * Whether grants with no object id count when ids are given.
		 * @param include whether they count
		 * @return this builder
		 */
		public Builder includeNullResourceId(boolean include) {
			this.includeNullResourceId = include;
			return this;
		}

		/**
		 * Build the query.
		 * @return the query
		 */
		public GrantQuery build() {
			return new GrantQuery(this.permissions, this.resourceTypes, this.objectIds, this.tenants,
					this.includeNullResourceType, this.includeNullResourceId);
		}

	}

}
