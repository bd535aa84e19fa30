package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The subjects built from a verified token, each with a copy of its claims: what
 * {@link ClaimGrants} reads permissions from. A subject is known by identity, never by
 * its content, so a {@link Subject} an application builds (from a request's data, say)
 * with an attribute named as the permissions claim is not one of them, whatever it
 * carries; nor is a copy of one made with {@link Subject#withAttribute}. Entries go with
 * their subjects (weakly held).
 */
public final class TokenSubjects {

	private final Cache<Subject, Map<String, Object>> claims = Caffeine.newBuilder().weakKeys().build();

	/**
	 * Remember a subject built from a verified token, with its claims as they are now.
	 * Only the library's subject resolver calls this, for an authenticated JWT.
	 * @param subject the subject, whose attributes are the token's claims
	 */
	public void verified(Subject subject) {
		Assert.notNull(subject, "subject cannot be null");
		Map<String, Object> copy = new LinkedHashMap<>();
		// collections copied too: a claim's list must not change after the check reads it
		subject.attributes().forEach((name, value) -> copy.put(name, copyOf(value)));
		this.claims.put(subject, Map.copyOf(copy));
	}

	/**
	 * The claims of a subject built from a verified token.
	 * @param subject the subject asking
	 * @return its token's claims, or {@code null} when the subject is not one built from
	 * a verified token
	 */
	@Nullable Map<String, Object> claimsOf(Subject subject) {
		return this.claims.getIfPresent(subject);
	}

	private static Object copyOf(Object value) {
		if (value instanceof Collection<?> values) {
			List<Object> copy = new ArrayList<>(values.size());
			for (Object element : values) {
				if (element != null) {
					copy.add(element);
				}
			}
			return List.copyOf(copy);
		}
		return value;
	}

}
