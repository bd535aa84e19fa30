package io.github.permissionmanager.pdp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a service by an API key in a request header, for the decision point's
 * filter chain: a configured key makes the caller the service it is configured for (a
 * name like any user's, which then needs {@value PdpCallers#CHECK}); an unknown key is a
 * 401 at once, and so is a request that sends a key and a bearer token. Keys are compared
 * by their SHA-256 digests, each with every configured one, in constant time.
 */
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final String header;

	private final Map<String, byte[]> digests = new LinkedHashMap<>();

	private final Supplier<SecurityContextHolderStrategy> strategy;

	private final PdpProblems problems;

	/**
	 * Create the filter.
	 * @param header the request header holding the key
	 * @param keys the key of each caller, by caller name
	 * @param strategy holds the security context
	 * @param problems writes the 401s
	 */
	public ApiKeyAuthenticationFilter(String header, Map<String, String> keys,
			Supplier<SecurityContextHolderStrategy> strategy, PdpProblems problems) {
		Assert.hasText(header, "header cannot be empty");
		Assert.notNull(strategy, "strategy cannot be null");
		Assert.notNull(problems, "problems cannot be null");
		keys.forEach((caller, key) -> {
			Assert.hasText(caller, "an API key's caller name cannot be empty");
			Assert.isTrue(key != null && key.length() >= 16,
					() -> "The API key of '" + caller + "' must be at least 16 characters long");
			byte[] digest = digest(key);
			Assert.isTrue(this.digests.values().stream().noneMatch((other) -> MessageDigest.isEqual(other, digest)),
					() -> "The API key of '" + caller + "' is another caller's too: each needs its own");
			this.digests.put(caller, digest);
		});
		this.header = header;
		this.strategy = strategy;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(this.header);
		if (presented == null) {
			chain.doFilter(request, response);
			return;
		}
		String caller = caller(presented);
		if (caller == null) {
			this.problems.unauthorized(request, response, "The API key is not valid.");
			return;
		}
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			this.problems.twoCredentials(request, response);
			return;
		}
		SecurityContextHolderStrategy holder = this.strategy.get();
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of()));
		holder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			holder.clearContext();
		}
	}

	private @Nullable String caller(String presented) {
		byte[] digest = digest(presented);
		String caller = null;
		// every key is compared, so the time taken says nothing about which one was close
		for (Map.Entry<String, byte[]> entry : this.digests.entrySet()) {
			if (MessageDigest.isEqual(digest, entry.getValue()) && caller == null) {
				caller = entry.getKey();
			}
		}
		return caller;
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
