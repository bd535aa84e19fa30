package io.github.permissionmanager.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the permission catalog ({@code permission-manager.catalog}) says about one
 * permission. A denial shows the user message, the resolution steps and the support
 * contact; the description and the data-management note are carried for whoever lists the
 * catalog (they are not part of the problem response).
 *
 * @param userMessage the problem's detail, or {@code null} for the plain default
 * @param resolutionSteps steps to obtain the permission
 * @param supportContact who to contact, or {@code null}
 * @param description what the permission allows, or {@code null}
 * @param dataManagement how data reached with the permission is handled, or {@code null}
 */
public record CatalogMessage(@Nullable String userMessage, List<String> resolutionSteps,
		@Nullable String supportContact, @Nullable String description, @Nullable String dataManagement) {

	public CatalogMessage {
		resolutionSteps = List.copyOf(resolutionSteps);
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

}
