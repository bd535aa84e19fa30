package io.github.permissionmanager.connect;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.github.permissionmanager.ConnectionCredentialsException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.util.ClassUtils;

/**
 * Writes an API key into the body of each request, for a connection whose
 * {@code key-location} is {@code body}: a field of an
 * {@code application/x-www-form-urlencoded} body, or a member of a JSON object body
 * ({@code application/json} or {@code +json}, UTF-8, read with Jackson). A request it
 * cannot write the key into (no body or no content type, another type of body, a form
 * that cannot be decoded, a JSON body that is not an object or that Jackson is not there
 * to read, a body that already has a field of the key's name, which would leave the
 * service to choose between two keys) is refused with a
 * {@link ConnectionCredentialsException} before anything is sent.
 */
final class BodyKeyInterceptor implements ClientHttpRequestInterceptor {

	private static final boolean JACKSON = ClassUtils.isPresent("tools.jackson.databind.json.JsonMapper",
			BodyKeyInterceptor.class.getClassLoader());

	private final String connection;

	private final String field;

	private final String value;

	BodyKeyInterceptor(String connection, String field, String value) {
		this.connection = connection;
		this.field = field;
		this.value = value;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		MediaType type = request.getHeaders().getContentType();
		byte[] withKey;
		if (type == null) {
			throw refused(request, "it has no body (or no Content-Type)");
		}
		if (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
			withKey = form(request, body, (type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8);
		}
		else if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
				|| ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"))) {
			if (!JACKSON) {
				throw refused(request, "its JSON body cannot be read without Jackson");
			}
			if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
				throw refused(request, "its JSON body is in " + type.getCharset() + ", not UTF-8");
			}
			withKey = Json.withField(body, this.field, this.value);
			if (withKey == null) {
				throw refused(request, "its JSON body is not an object, or already has a '" + this.field + "'");
			}
		}
		else {
			throw refused(request, "its body is " + type.getType() + "/" + type.getSubtype());
		}
		HttpHeaders headers = HttpHeaders.copyOf(request.getHeaders());
		headers.setContentLength(withKey.length);
		return execution.execute(new HttpRequestWrapper(request) {

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		}, withKey);
	}

	private byte[] form(HttpRequest request, byte[] body, Charset charset) {
		String form = new String(body, charset);
		if (!form.isEmpty()) {
			for (String pair : form.split("&")) {
				int equals = pair.indexOf('=');
				String name;
				try {
					name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), charset);
					// a value that does not decode could run into the key's field
					URLDecoder.decode((equals < 0) ? "" : pair.substring(equals + 1), charset);
				}
				catch (IllegalArgumentException ex) {
					throw refused(request, "its form cannot be read (" + ex.getMessage() + ")");
				}
				if (name.equals(this.field)) {
					throw refused(request, "its form already has a '" + this.field + "'");
				}
			}
		}
		String key = URLEncoder.encode(this.field, charset) + "=" + URLEncoder.encode(this.value, charset);
		return (form.isEmpty() ? key : form + "&" + key).getBytes(charset);
	}

	private ConnectionCredentialsException refused(HttpRequest request, String why) {
		return new ConnectionCredentialsException(
				"The API key of '" + this.connection + "' goes in the request body as '" + this.field + "', and the "
						+ request.getMethod() + " to " + request.getURI().getHost() + " cannot carry it: " + why
						+ ". Send a form or a JSON object without that field, or place the key from "
						+ "Connections#credentials yourself");
	}

	// Jackson is optional: only this class names it
	private static final class Json {

		private static byte @Nullable [] withField(byte[] body, String field, String value) {
			JsonMapper json = JsonMapper.shared();
			JsonNode tree;
			try {
				tree = json.readTree(body);
			}
			catch (JacksonException ex) {
				return null;
			}
			if (!(tree instanceof ObjectNode object) || object.has(field)) {
				return null;
			}
			object.put(field, value);
			return json.writeValueAsBytes(object);
		}

	}

}
