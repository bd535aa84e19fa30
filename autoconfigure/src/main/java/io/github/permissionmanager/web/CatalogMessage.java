package io.github.permissionmanager.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a catalog ({@code permission-manager.catalog}, or a connection's entry of
 * {@code permission-manager.connections.catalog}) says about one permission or
 * connection. A denial shows the user message, the technical detail, the resolution steps
 * and the support contact (a connection's denial its usage and data-management note too);
 * the description is carried for whoever lists the catalog.
 *
 * @param userMessage the problem's detail, or {@code null} for the plain default
 * @param resolutionSteps steps to obtain the permission
 * @param supportContact who to contact, or {@code null}
 * @param description what the permission allows, or {@code null}
 * @param dataManagement how data reached with the permission is handled, or {@code null}
 * @param usage what the application does with it, or {@code null}
 * @param technicalDetail what exactly is missing, for whoever debugs it, or {@code null}
 */
public record CatalogMessage(@Nullable String userMessage, List<String> resolutionSteps,
		@Nullable String supportContact, @Nullable String description, @Nullable String dataManagement,
		@Nullable String usage, @Nullable String technicalDetail) {

	public CatalogMessage {
		resolutionSteps = List.copyOf(resolutionSteps);
	}

	/**
	 * Create an entry without usage and technical detail.
	 * @param userMessage the problem's detail, or {@code null} for the plain default
	 * @param resolutionSteps steps to obtain the permission
	 * @param supportContact who to contact, or {@code null}
	 * @param description what the permission allows, or {@code null}
	 * @param dataManagement how data reached with the permission is handled, or
	 * {@code null}
	 */
	public CatalogMessage(@Nullable String userMessage, List<String> resolutionSteps, @Nullable String supportContact,
			@Nullable String description, @Nullable String dataManagement) {
		this(userMessage, resolutionSteps, supportContact, description, dataManagement, null, null);
	}

	/**
	 * Create an entry with what a denial shows only.
	 * @param userMessage the problem's detail, or {@code null} for the plain default
	 * @param resolutionSteps steps to obtain the permission
	 * @param supportContact who to contact, or {@code null}
	 */
	public CatalogMessage(@Nullable String userMessage, List<String> resolutionSteps, @Nullable String supportContact) {
		this(userMessage, resolutionSteps, supportContact, null, null);
	}

	/**
	 * An entry that says nothing.
	 * @return the empty entry
	 */
	public static CatalogMessage empty() {
		return new CatalogMessage(null, List.of(), null);
	}

}
