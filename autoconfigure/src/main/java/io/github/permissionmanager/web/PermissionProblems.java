package io.github.permissionmanager.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.permissionmanager.ConnectionRequiredException;
import io.github.permissionmanager.MissingConnection;
import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.AuthenticationRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.Assert;

/**
 * Builds the RFC 9457 problem for each way a guarded call can be refused. A denial names
 * the missing permissions and the resource, with the catalog's user message, resolution
 * steps and support contact; nothing carries a class name, a stack trace, or another
 * user's grants. It renders what the exception carries: with {@code hide-existence} the
 * enforcement path already made every refusal of a rule the same denial, with the
 * resource type only.
 */
public class PermissionProblems {

	private final Map<String, CatalogMessage> catalog;

	/**
	 * Create the problem builder.
	 * @param catalog the permission catalog ({@code permission-manager.catalog}) by
	 * permission
	 */
	public PermissionProblems(Map<String, CatalogMessage> catalog) {
		Assert.notNull(catalog, "catalog cannot be null");
		this.catalog = Map.copyOf(catalog);
	}

	/**
	 * What the catalog says about a permission.
	 * @param permission the permission, as written in the catalog
	 * @return its entry, or {@code null} when the catalog has none
	 */
	public @Nullable CatalogMessage catalogEntry(String permission) {
		return this.catalog.get(permission);
	}

	/**
	 * The problem for an exception thrown by the enforcement path.
	 * @param ex the exception
	 * @return the problem, or {@code null} when the exception is not one of Permission
	 * Manager's
	 */
	public @Nullable ProblemDetail problemFor(Exception ex) {
		if (ex instanceof PermissionDeniedException denied) {
			return denied(denied);
		}
		if (ex instanceof ConnectionRequiredException connections) {
			return connections(connections);
		}
		if (ex instanceof AuthenticationRequiredException) {
			return problem(HttpStatus.UNAUTHORIZED, "Authentication is required to perform this action.");
		}
		if (ex instanceof PermissionContextException context) {
			return context(context);
		}
		if (ex instanceof PermissionEvaluationException) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE,
					"The permission check could not be completed. Please try again later.");
		}
		return null;
	}

	private ProblemDetail denied(PermissionDeniedException ex) {
		List<String> missing = ex.getMissingPermissions();
		CatalogMessage entry = null;
		for (String permission : missing) {
			entry = this.catalog.get(permission);
			if (entry != null) {
				break;
			}
		}
		String detail = (entry != null && entry.userMessage() != null) ? entry.userMessage()
				: "You do not have permission to perform this action.";
		ProblemDetail problem = problem(HttpStatus.FORBIDDEN, detail);
		problem.setProperty("missingPermissions", missing);
		Resource resource = ex.getResource();
		if (resource != null) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", resource.type());
			if (resource.id() != null) {
				body.put("id", resource.id());
			}
			problem.setProperty("resource", body);
		}
		if (entry != null && entry.technicalDetail() != null) {
			problem.setProperty("technicalDetail", entry.technicalDetail());
		}
		if (entry != null && !entry.resolutionSteps().isEmpty()) {
			problem.setProperty("resolutionSteps", List.copyOf(entry.resolutionSteps()));
		}
		if (entry != null && entry.supportContact() != null) {
			problem.setProperty("supportContact", entry.supportContact());
		}
		return problem;
	}

	// The first connection the catalog has a message for speaks for all, as the first
	// permission does for a permission denial
	private ProblemDetail connections(ConnectionRequiredException ex) {
		List<MissingConnection> missing = ex.getMissingConnections();
		String message = missing.stream()
			.map(MissingConnection::userMessage)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		String detail = (message != null) ? message
				: "This action needs a connection to another service. Sign in to it, then try again.";
		ProblemDetail problem = problem(HttpStatus.FORBIDDEN, detail);
		List<Map<String, Object>> connections = missing.stream().map(PermissionProblems::connection).toList();
		problem.setProperty("missingConnections", connections);
		missing.stream()
			.filter((c) -> !c.resolutionSteps().isEmpty())
			.findFirst()
			.ifPresent((c) -> problem.setProperty("resolutionSteps", c.resolutionSteps()));
		missing.stream()
			.filter((c) -> c.supportContact() != null)
			.findFirst()
			.ifPresent((c) -> problem.setProperty("supportContact", c.supportContact()));
		return problem;
	}

	private static Map<String, Object> connection(MissingConnection connection) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", connection.name());
		if (!connection.missingScopes().isEmpty()) {
			body.put("missingScopes", connection.missingScopes());
		}
		body.put("signInUrl", connection.signInUrl());
		body.put("technicalDetail", connection.technicalDetail());
		if (connection.usage() != null) {
			body.put("usage", connection.usage());
		}
		if (connection.dataManagement() != null) {
			body.put("dataManagement", connection.dataManagement());
		}
		return body;
	}

	private ProblemDetail context(PermissionContextException ex) {
		ProblemDetail problem = switch (ex.getReason()) {
			case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "The requested resource was not found.");
			case INVALID_VALUE -> problem(HttpStatus.BAD_REQUEST, "A value in the request is not valid.");
			case MISSING_VALUE -> problem(HttpStatus.BAD_REQUEST, "The request is missing a value it needs.");
		};
		if (ex.getResourceType() != null) {
			problem.setProperty("resource", Map.of("type", ex.getResourceType()));
		}
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}
