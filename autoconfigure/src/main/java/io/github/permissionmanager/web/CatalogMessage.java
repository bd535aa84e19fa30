package io.github.permissionmanager.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the permission catalog tells a user who lacks a permission.
 *
 * @param userMessage the problem's detail, or {@code null} for the plain default
 * @param resolutionSteps steps to obtain the permission
 * @param supportContact who to contact, or {@code null}
 */
public record CatalogMessage(@Nullable String userMessage, List<String> resolutionSteps,
		@Nullable String supportContact) {

	public CatalogMessage {
		resolutionSteps = List.copyOf(resolutionSteps);
	}

}
