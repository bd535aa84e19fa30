package io.github.permissionmanager.remote;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

/**
 * The decisions of a decision point kept by the client: per subject, a map by permission,
 * then by resource, then the context values asked with. A hit builds no key: the subject
 * is looked up by its user id when it carries no groups and no attributes (else by the
 * subject itself), the rest by the request's own parts, and the context values are
 * compared with those stored, entry by entry. One clock read per hit checks the TTL.
 * <p>
 * Bounded by the number of decisions: each subject weighs as many decisions as it holds,
 * and Caffeine evicts whole subjects, least used first.
 */
final class RemoteDecisionCache {

	// The key of an unscoped request (no resource) in a permission's map
	private static final Object NO_RESOURCE = new Object();

	private final Cache<Object, SubjectDecisions> subjects;

	private final long ttlNanos;

	RemoteDecisionCache(Duration ttl, long maximumSize) {
		this.ttlNanos = saturatedNanos(ttl);
		this.subjects = Caffeine.newBuilder()
			.maximumWeight(maximumSize)
			.weigher((Object key, SubjectDecisions decisions) -> decisions.size())
			.executor(Runnable::run)
			.build();
	}

	/**
	 * The answer kept for a request, or {@code null} when none or an expired one is.
	 */
	PdpClient.@Nullable Answer get(Subject subject, String permission, @Nullable Resource resource,
			Map<String, Object> context) {
		SubjectDecisions decisions = this.subjects.getIfPresent(key(subject));
		if (decisions == null) {
			return null;
		}
		ConcurrentHashMap<Object, Entry> byResource = decisions.byPermission.get(permission);
		if (byResource == null) {
			return null;
		}
		for (Entry entry = byResource
			.get((resource != null) ? resource : NO_RESOURCE); entry != null; entry = entry.next) {
			if (entry.asked(context)) {
				return (System.nanoTime() - entry.storedNanos < this.ttlNanos) ? entry.answer : null;
			}
		}
		return null;
	}

	/**
	 * Keep an answer, in place of any kept for the same request.
	 */
	void put(Subject subject, String permission, @Nullable Resource resource, Map<String, Object> context,
			PdpClient.Answer answer) {
		Object key = key(subject);
		SubjectDecisions decisions = this.subjects.get(key, (absent) -> new SubjectDecisions());
		ConcurrentHashMap<Object, Entry> byResource = decisions.byPermission.computeIfAbsent(permission,
				(absent) -> new ConcurrentHashMap<>());
		boolean[] added = new boolean[1];
		byResource.compute((resource != null) ? resource : NO_RESOURCE, (where, first) -> {
			Entry kept = new Entry(context, answer, System.nanoTime(), null);
			// the other contexts asked on the resource stay, this one's is replaced
			for (Entry entry = first; entry != null; entry = entry.next) {
				if (!entry.asked(context)) {
					kept = new Entry(entry.context, entry.answer, entry.storedNanos, kept);
				}
			}
			added[0] = kept.length() > length(first);
			return kept;
		});
		if (added[0]) {
			decisions.count.incrementAndGet();
			// put again so that Caffeine weighs the subject with its new decision
			this.subjects.put(key, decisions);
		}
	}

	void invalidateAll() {
		this.subjects.invalidateAll();
	}

	private static Object key(Subject subject) {
		return (subject.groups().isEmpty() && subject.attributes().isEmpty()) ? subject.id() : subject;
	}

	private static int length(@Nullable Entry entry) {
		return (entry != null) ? entry.length() : 0;
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static final class SubjectDecisions {

		final ConcurrentHashMap<String, ConcurrentHashMap<Object, Entry>> byPermission = new ConcurrentHashMap<>();

		final AtomicInteger count = new AtomicInteger();

		int size() {
			return Math.max(1, this.count.get());
		}

	}

	/**
	 * A decision for one set of context values, and the decisions for the other sets
	 * asked on the same permission and resource ({@code next}).
	 */
	private static final class Entry {

		final Map<String, Object> context;

		// the context's names and values, flattened once so a hit compares them without
		// iterating the map it was asked with
		private final Object[] flat;

		final PdpClient.Answer answer;

		final long storedNanos;

		final @Nullable Entry next;

		Entry(Map<String, Object> context, PdpClient.Answer answer, long storedNanos, @Nullable Entry next) {
			this.context = context;
			this.answer = answer;
			this.storedNanos = storedNanos;
			this.next = next;
			this.flat = new Object[context.size() * 2];
			int i = 0;
			for (Map.Entry<String, Object> value : context.entrySet()) {
				this.flat[i++] = value.getKey();
				this.flat[i++] = value.getValue();
			}
		}

		// Whether this decision was made for the same context values (never null in a
		// PermissionContext)
		boolean asked(Map<String, Object> values) {
			if (values == this.context) {
				return true;
			}
			if (values.size() * 2 != this.flat.length) {
				return false;
			}
			for (int i = 0; i < this.flat.length; i += 2) {
				if (!this.flat[i + 1].equals(values.get(this.flat[i]))) {
					return false;
				}
			}
			return true;
		}

		int length() {
			int length = 0;
			for (Entry entry = this; entry != null; entry = entry.next) {
				length++;
			}
			return length;
		}

	}

}
