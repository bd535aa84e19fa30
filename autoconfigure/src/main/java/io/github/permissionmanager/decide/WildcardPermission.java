package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A parsed permission string with Apache Shiro's {@code WildcardPermission} semantics,
 * case-sensitive: parts are separated by {@code :}, a part may list alternatives
 * separated by {@code ,}, a part with an alternative that is exactly {@code *} matches
 * any part (in {@code re*d} the asterisk is a literal character), and a permission with
 * fewer parts implies every permission that starts with it ({@code event} implies
 * {@code event:read:7}). Parts and alternatives are trimmed, as Shiro does.
 * <p>
 * Only permission strings are patterns; resource types and ids are compared as data.
 * Instances are immutable and parsed once (grants when a snapshot is built, roles at
 * startup).
 */
public final class WildcardPermission {

	/** Matches any part. */
	public static final String WILDCARD = "*";

	private static final int MAX_LENGTH = 1024;

	private final String text;

	// Each part: the set of its alternatives, or null when the part is a wildcard
	private final List<@Nullable Set<String>> parts;

	// The parts of a plain permission (no wildcard, no alternatives), for the index's
	// fast path
	private final String @Nullable [] plainParts;

	// The parts' hash, computed once: a snapshot build looks shapes up by what grants
	// hold, once per object grant
	private final int hash;

	private WildcardPermission(String text, List<@Nullable Set<String>> parts) {
		this.text = text;
		this.parts = parts;
		this.plainParts = plainParts(parts);
		this.hash = parts.hashCode();
	}

	private static String @Nullable [] plainParts(List<@Nullable Set<String>> parts) {
		String[] plain = new String[parts.size()];
		for (int i = 0; i < plain.length; i++) {
			Set<String> part = parts.get(i);
			if (part == null || part.size() != 1) {
				return null;
			}
			// interned, as the parts of held permissions are: the index compares them by
			// identity first
			plain[i] = part.iterator().next().intern();
		}
		return plain;
	}

	/**
	 * Parse a permission string.
	 * @param permission the permission, e.g. {@code event:read,update:7}
	 * @return the parsed permission
	 * @throws IllegalArgumentException when the string is empty, too long, or has an
	 * empty part or alternative (such as {@code event::read} or {@code event:read,})
	 */
	public static WildcardPermission parse(String permission) {
		Assert.notNull(permission, "permission cannot be null");
		String trimmed = permission.trim();
		if (trimmed.isEmpty()) {
			throw new IllegalArgumentException("Permission cannot be empty");
		}
		if (trimmed.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("Permission is longer than " + MAX_LENGTH + " characters");
		}
		List<@Nullable Set<String>> parts = new ArrayList<>();
		for (String part : trimmed.split(":", -1)) {
			parts.add(parsePart(part.trim(), permission));
		}
		return new WildcardPermission(trimmed, Collections.unmodifiableList(parts));
	}

	private static @Nullable Set<String> parsePart(String part, String permission) {
		if (part.isEmpty()) {
			throw new IllegalArgumentException("Permission '" + permission + "' has an empty part");
		}
		Set<String> alternatives = new LinkedHashSet<>();
		boolean wildcard = false;
		for (String alternative : part.split(",", -1)) {
			String trimmed = alternative.trim();
			if (trimmed.isEmpty()) {
				throw new IllegalArgumentException("Permission '" + permission + "' has an empty alternative");
			}
			wildcard |= trimmed.equals(WILDCARD);
			alternatives.add(trimmed.intern());
		}
		// As in Shiro (Set.contains("*")), only an alternative that is exactly '*' makes
		// the part match any part; "re*d" is literal, so a grant of "doc:re*d" never
		// allows "doc:delete"
		return wildcard ? null : Set.copyOf(alternatives);
	}

	/**
	 * Whether this permission, held by a subject, allows the given one.
	 * @param requested the permission asked for
	 * @return whether it is implied
	 */
	public boolean implies(WildcardPermission requested) {
		List<@Nullable Set<String>> other = requested.parts;
		int i = 0;
		for (Set<String> otherPart : other) {
			if (i >= this.parts.size()) {
				// This permission has fewer parts: it implies everything below it
				return true;
			}
			Set<String> part = this.parts.get(i);
			if (part != null && (otherPart == null || !part.containsAll(otherPart))) {
				return false;
			}
			i++;
		}
		for (; i < this.parts.size(); i++) {
			if (this.parts.get(i) != null) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The number of {@code :}-separated parts.
	 * @return the part count
	 */
	public int size() {
		return this.parts.size();
	}

	/**
	 * Whether a part matches any part.
	 * @param index the part index
	 * @return whether it is a wildcard
	 */
	public boolean isWildcard(int index) {
		return this.parts.get(index) == null;
	}

	/**
	 * The alternatives of a part that is not a wildcard.
	 * @param index the part index
	 * @return the alternatives (one for a plain part)
	 */
	public Set<String> alternatives(int index) {
		Set<String> part = this.parts.get(index);
		Assert.state(part != null, "part is a wildcard");
		return part;
	}

	/**
	 * Whether this permission is plain: no wildcard and no alternatives, so it names
	 * exactly one path.
	 * @return whether it is plain
	 */
	public boolean isPlain() {
		return this.plainParts != null;
	}

	String @Nullable [] plainParts() {
		return this.plainParts;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (obj == this) || ((obj instanceof WildcardPermission other) && this.hash == other.hash
				&& this.parts.equals(other.parts));
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
