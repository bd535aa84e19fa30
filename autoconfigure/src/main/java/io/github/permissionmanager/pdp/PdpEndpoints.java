package io.github.permissionmanager.pdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.permissionmanager.Subject;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The decision point's HTTP endpoints under a base path, version 1: {@code POST
 * check}, {@code check/bulk}, {@code check/all-tenants}, {@code user-permissions} and
 * {@code object-ids}, and {@code GET openapi.yaml}, their description. Each request is
 * taken in the same order: the caller (401, 403; {@code user-permissions} lists a user's
 * grants, so it needs {@value PdpCallers#EXPLAIN} as well, and {@code object-ids} and
 * {@code check/all-tenants} list what a user can reach, so they need
 * {@value PdpCallers#LIST}) before the body is read, then the body (JSON only, 415; at
 * most the configured size, 413; read strictly, 400 naming the field), then the answer. A
 * decision that cannot be made is a 503; nothing is ever a 500 (a failure of the
 * evaluator or the store is a 503).
 */
public final class PdpEndpoints {

	/** Where the OpenAPI description of version 1 is read from. */
	public static final String OPENAPI = "META-INF/permission-manager/pdp-openapi.yaml";

	private static final Log logger = LogFactory.getLog(PdpEndpoints.class);

	private final PdpJson json;

	private final PdpProblems problems;

	private final PdpCallers callers;

	private final PdpDecisions decisions;

	private final PdpUserPermissions userPermissions;

	private final long maxBodyBytes;

	/**
	 * Create the endpoints.
	 * @param json reads the bodies and writes the answers
	 * @param problems writes the refusals
	 * @param callers authorizes the callers
	 * @param decisions answers the checks
	 * @param userPermissions answers {@code user-permissions}
	 * @param maxBodyBytes the largest body read
	 */
	public PdpEndpoints(PdpJson json, PdpProblems problems, PdpCallers callers, PdpDecisions decisions,
			PdpUserPermissions userPermissions, long maxBodyBytes) {
		Assert.notNull(json, "json cannot be null");
		Assert.notNull(problems, "problems cannot be null");
		Assert.notNull(callers, "callers cannot be null");
		Assert.notNull(decisions, "decisions cannot be null");
		Assert.notNull(userPermissions, "userPermissions cannot be null");
		Assert.isTrue(maxBodyBytes > 0, "maxBodyBytes must be positive");
		this.json = json;
		this.problems = problems;
		this.callers = callers;
		this.decisions = decisions;
		this.userPermissions = userPermissions;
		this.maxBodyBytes = maxBodyBytes;
	}

	/**
	 * The routes of version 1 under a base path.
	 * @param basePath the base path, e.g. {@code /pdp}
	 * @return the routes
	 */
	public RouterFunction<ServerResponse> routes(String basePath) {
		String v1 = basePath + "/v1/";
		return RouterFunctions.route()
			.POST(v1 + "check", (request) -> answer(request, (body, caller) -> this.decisions.check(body, caller)))
			.POST(v1 + "check/bulk", (request) -> answer(request, (body, caller) -> this.decisions.bulk(body, caller)))
			.POST(v1 + "check/all-tenants",
					(request) -> answer(request, this.callers::authorizeReachListing,
							(body, caller) -> this.decisions.allTenants(body)))
			.POST(v1 + "user-permissions", (request) -> listing(request))
			.POST(v1 + "object-ids",
					(request) -> answer(request, this.callers::authorizeReachListing,
							(body, caller) -> this.decisions.objectIds(body)))
			.GET(v1 + "openapi.yaml", (request) -> openApi())
			.build();
	}

	private ServerResponse answer(ServerRequest request, Endpoint endpoint) {
		return answer(request, (caller) -> {
		}, endpoint);
	}

	// A listing of a user's grants is an explanation of every decision about that user,
	// so it needs pdp:explain, asked before the body is read
	private ServerResponse listing(ServerRequest request) {
		return answer(request, this.callers::authorizeListing, (body, explained) -> this.userPermissions.answer(body));
	}

	// what an endpoint needs besides pdp:check is asked before the body is read, so a
	// caller without it learns nothing from a 400 either
	private ServerResponse answer(ServerRequest request, Consumer<Subject> authorizeFurther, Endpoint endpoint) {
		String path = request.servletRequest().getRequestURI();
		try {
			Subject caller = this.callers.authorize();
			authorizeFurther.accept(caller);
			JsonFields body = this.json.read(body(request));
			byte[] answer = this.json
				.write(endpoint.answer(body, SingletonSupplier.of(() -> this.callers.mayExplain(caller))));
			return respond(HttpStatus.OK, MediaType.APPLICATION_JSON, answer);
		}
		catch (PdpInputException ex) {
			return respond(HttpStatus.BAD_REQUEST, MediaType.APPLICATION_PROBLEM_JSON,
					this.problems.body(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage()), path, ex.getField()));
		}
		catch (PdpRefusal ex) {
			return respond(ex.getStatus(), MediaType.APPLICATION_PROBLEM_JSON,
					this.problems.body(ex.getStatus(), String.valueOf(ex.getMessage()), path, null));
		}
		catch (RuntimeException ex) {
			logger.warn("The decision point could not answer " + path, ex);
			return respond(HttpStatus.SERVICE_UNAVAILABLE, MediaType.APPLICATION_PROBLEM_JSON,
					this.problems.body(HttpStatus.SERVICE_UNAVAILABLE,
							"The decision could not be made. Please try again later.", path, null));
		}
	}

	private byte[] body(ServerRequest request) {
		MediaType type = request.headers().contentType().orElse(null);
		if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
			throw new PdpRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
		}
		long declared = request.servletRequest().getContentLengthLong();
		if (declared > this.maxBodyBytes) {
			throw tooLarge();
		}
		try (InputStream in = request.servletRequest().getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodyBytes + 1));
			if (body.length > this.maxBodyBytes) {
				throw tooLarge();
			}
			return body;
		}
		catch (IOException ex) {
			throw new PdpInputException("", "the body could not be read");
		}
	}

	private PdpRefusal tooLarge() {
		return new PdpRefusal(HttpStatus.CONTENT_TOO_LARGE,
				"The body is larger than " + this.maxBodyBytes + " bytes: send fewer checks per request.");
	}

	private static ServerResponse openApi() {
		try (InputStream in = new ClassPathResource(OPENAPI, PdpEndpoints.class.getClassLoader()).getInputStream()) {
			return respond(HttpStatus.OK, MediaType.parseMediaType("application/yaml"), in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ServerResponse respond(HttpStatus status, MediaType type, byte[] body) {
		return ServerResponse.status(status).contentType(type).contentLength(body.length).build((request, response) -> {
			response.getOutputStream().write(body);
			return null;
		});
	}

	@FunctionalInterface
	private interface Endpoint {

		Object answer(JsonFields body, Supplier<Boolean> explained);

	}

}
