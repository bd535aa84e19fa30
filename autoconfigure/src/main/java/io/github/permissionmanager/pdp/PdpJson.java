package io.github.permissionmanager.pdp;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the decision point's wire format, read and written by a Jackson mapper of
 * its own rather than the application's: the wire format is a contract with services in
 * any language, so an application's naming strategy, inclusion rules or lenient features
 * must not change it. Reading is strict: a repeated field, trailing content or nesting
 * deeper than 32 levels is malformed.
 */
public final class PdpJson {

	private static final int MAX_DEPTH = 32;

	private final JsonMapper mapper;

	/**
	 * Create the mapper.
	 */
	public PdpJson() {
		JsonFactory factory = JsonFactory.builder()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.streamReadConstraints(
					StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(64).build())
			.build();
		this.mapper = JsonMapper.builder(factory)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
					DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build();
	}

	/**
	 * Read a body that must be one JSON object.
	 * @param body the bytes
	 * @return a strict reader of the object
	 * @throws PdpInputException when the body is not one well-formed JSON object
	 */
	public JsonFields read(byte[] body) {
		JsonNode tree;
		try {
			tree = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new PdpInputException("", "malformed JSON" + where(ex.getLocation()) + ": " + brief(ex));
		}
		if (tree == null || tree.isMissingNode()) {
			throw new PdpInputException("", "the body is empty: a JSON object is expected");
		}
		return JsonFields.of(tree, "");
	}

	/**
	 * Write a value (maps, lists, strings, numbers, booleans) as JSON.
	 * @param value the value
	 * @return the bytes
	 */
	public byte[] write(Object value) {
		return this.mapper.writeValueAsBytes(value);
	}

	private static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	// Jackson's own words without the location and source excerpt it appends
	private static String brief(JacksonException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		int end = message.indexOf('\n');
		message = (end >= 0) ? message.substring(0, end) : message;
		return (message.length() > 160) ? message.substring(0, 160) + "..." : message;
	}

}
