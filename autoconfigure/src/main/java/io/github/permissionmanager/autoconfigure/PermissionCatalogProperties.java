package io.github.permissionmanager.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.web.CatalogMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;

/**
 * Permission catalog ({@code permission-manager.catalog}): what a user is told about a
 * permission they lack.
 */
@ConfigurationProperties("permission-manager")
public class PermissionCatalogProperties {

	/**
	 * Permission catalog, keyed by permission (in YAML write "[session:update]"). Keys of
	 * an entry: description, data-management, user-message, resolution-steps,
	 * support-contact, usage and technical-detail; any other key stops the start.
	 */
	private Map<String, CatalogEntry> catalog = new LinkedHashMap<>();

	public Map<String, CatalogEntry> getCatalog() {
		return this.catalog;
	}

	public void setCatalog(Map<String, CatalogEntry> catalog) {
		this.catalog = catalog;
	}

	/**
	 * The catalog as the problem responses read it.
	 * @return one message per permission, in the order of the configuration
	 */
	Map<String, CatalogMessage> messages() {
		Map<String, CatalogMessage> messages = new LinkedHashMap<>();
		this.catalog.forEach((permission, entry) -> messages.put(permission, entry.message()));
		return messages;
	}

	/**
	 * What the catalog says about one permission (Airtrain), shown on a denial.
	 */
	@ConfigurationPropertiesSource
	public static class CatalogEntry {

		/**
		 * What the permission allows.
		 */
		private @Nullable String description;

		/**
		 * How data reached with the permission is handled.
		 */
		private @Nullable String dataManagement;

		/**
		 * Message shown to the user on a denial (the problem's detail).
		 */
		private @Nullable String userMessage;

		/**
		 * Steps the user can take to obtain the permission.
		 */
		private List<String> resolutionSteps = new ArrayList<>();

		/**
		 * Who to contact about the permission.
		 */
		private @Nullable String supportContact;

		/**
		 * What the application does with what the permission reaches.
		 */
		private @Nullable String usage;

		/**
		 * What exactly is missing, for whoever debugs a denial (shown as
		 * technicalDetail).
		 */
		private @Nullable String technicalDetail;

		/**
		 * The entry as the problem responses read it.
		 * @return the message
		 */
		public CatalogMessage message() {
			return new CatalogMessage(this.userMessage, this.resolutionSteps, this.supportContact, this.description,
					this.dataManagement, this.usage, this.technicalDetail);
		}

		public @Nullable String getUsage() {
			return this.usage;
		}

		public void setUsage(@Nullable String usage) {
			this.usage = usage;
		}

		public @Nullable String getTechnicalDetail() {
			return this.technicalDetail;
		}

		public void setTechnicalDetail(@Nullable String technicalDetail) {
			this.technicalDetail = technicalDetail;
		}

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		public @Nullable String getDataManagement() {
			return this.dataManagement;
		}

		public void setDataManagement(@Nullable String dataManagement) {
			this.dataManagement = dataManagement;
		}

		public @Nullable String getUserMessage() {
			return this.userMessage;
		}

		public void setUserMessage(@Nullable String userMessage) {
			this.userMessage = userMessage;
		}

		public List<String> getResolutionSteps() {
			return this.resolutionSteps;
		}

		public void setResolutionSteps(List<String> resolutionSteps) {
			this.resolutionSteps = resolutionSteps;
		}

		public @Nullable String getSupportContact() {
			return this.supportContact;
		}

		public void setSupportContact(@Nullable String supportContact) {
			this.supportContact = supportContact;
		}

	}

}
