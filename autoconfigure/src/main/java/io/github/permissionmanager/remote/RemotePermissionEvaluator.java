package io.github.permissionmanager.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.CachedDecisions;
import io.github.permissionmanager.decide.ConsistentReads;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link PermissionEvaluator} that asks a remote decision point
 * ({@code permission-manager.pdp.url}) instead of a local grant store: the permissions of
 * one call in one round trip ({@link #evaluateAll}), and decisions kept in a small local
 * cache (size, TTL) so that a repeated check costs no round trip. A failure of the
 * decision point (down, slow, an error, an answer that is not one) propagates: the check
 * fails closed with a 503, and the next check asks again, so the application recovers as
 * soon as the decision point does.
 * <p>
 * Consistency: a check made within {@link #honouring(Consistency, Supplier)} is answered
 * from the cache only by a decision at least as fresh as the requirement's token (the
 * decision point names the change log position of each answer); otherwise, and always for
 * {@link Consistency#full()}, the decision point is asked with the requirement. A
 * decision point that names no position is asked every time.
 * <p>
 * A cached decision is found without building a key ({@link RemoteDecisionCache}), and
 * the decision path asks for it before it builds a request ({@link CachedDecisions}).
 */
public final class RemotePermissionEvaluator implements CachedDecisions, ConsistentReads {

	private final PdpClient client;

	private final @Nullable RemoteDecisionCache cache;

	private final ThreadLocal<Consistency> required = new ThreadLocal<>();

	private final AtomicLong latest = new AtomicLong(-1);

	/**
	 * Create an evaluator.
	 * @param client asks the decision point
	 * @param ttl how long a decision is reused; zero for never
	 * @param maximumSize how many decisions are kept
	 */
	public RemotePermissionEvaluator(PdpClient client, Duration ttl, long maximumSize) {
		Assert.notNull(client, "client cannot be null");
		Assert.notNull(ttl, "ttl cannot be null");
		this.client = client;
		this.cache = (ttl.isZero() || ttl.isNegative() || maximumSize <= 0) ? null
				: new RemoteDecisionCache(ttl, maximumSize);
	}

	@Override
	public Decision evaluate(PermissionRequest request) {
		Consistency consistency = this.required.get();
		Decision cached = cached(request.subject(), request.permission(), request.resource(), request.context(),
				consistency);
		return (cached != null) ? cached : ask(List.of(request), consistency).get(0);
	}

	@Override
	public @Nullable Decision cached(Subject subject, String permission, @Nullable Resource resource,
			PermissionContext context) {
		return cached(subject, permission, resource, context, this.required.get());
	}

	private @Nullable Decision cached(Subject subject, String permission, @Nullable Resource resource,
			PermissionContext context, @Nullable Consistency consistency) {
		if (this.cache == null) {
			return null;
		}
		PdpClient.Answer cached = this.cache.get(subject, permission, resource, context.values());
		return (cached != null && freshEnough(cached, consistency)) ? cached.decision() : null;
	}

	@Override
	public List<@Nullable Decision> evaluateAll(List<PermissionRequest> requests) {
		Consistency consistency = this.required.get();
		Decision[] decisions = new Decision[requests.size()];
		List<PermissionRequest> missed = new ArrayList<>(requests.size());
		List<Integer> where = new ArrayList<>(requests.size());
		for (int i = 0; i < decisions.length; i++) {
			PermissionRequest request = requests.get(i);
			Decision cached = cached(request.subject(), request.permission(), request.resource(), request.context(),
					consistency);
			if (cached != null) {
				decisions[i] = cached;
			}
			else {
				missed.add(request);
				where.add(i);
			}
		}
		if (!missed.isEmpty()) {
			List<Decision> asked = ask(missed, consistency);
			for (int i = 0; i < asked.size(); i++) {
				decisions[where.get(i)] = asked.get(i);
			}
		}
		return Arrays.asList(decisions);
	}

	/**
	 * The objects of a type a subject may act on, asked of the decision point.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resourceType the resource type
	 * @param tenant the tenant, or {@code null}
	 * @param consistency a requirement, or {@code null}
	 * @return the ids named by object grants
	 */
	@Override
	public Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant,
			@Nullable Consistency consistency) {
		return this.client.objectIds(subject, permission, resourceType, tenant, consistency);
	}

	/**
	 * Run something whose checks on this thread honour a consistency requirement.
	 * @param <T> the result type
	 * @param consistency the requirement
	 * @param action what to run
	 * @return its result
	 */
	@Override
	public <T> T honouring(Consistency consistency, Supplier<T> action) {
		Assert.notNull(consistency, "consistency cannot be null");
		Consistency outer = this.required.get();
		this.required.set(consistency);
		try {
			return action.get();
		}
		finally {
			if (outer != null) {
				this.required.set(outer);
			}
			else {
				this.required.remove();
			}
		}
	}

	/**
	 * Close the decision point's client (its open connections); called when the
	 * application context closes.
	 */
	public void close() {
		this.client.close();
	}

	/**
	 * Forget every cached decision.
	 */
	public void invalidateAll() {
		if (this.cache != null) {
			this.cache.invalidateAll();
		}
	}

	private List<Decision> ask(List<PermissionRequest> requests, @Nullable Consistency consistency) {
		// A fully consistent answer read the store after every answer received so far was
		// made, so it is at least as fresh as the latest position any of them named
		long floor = (consistency != null && consistency.isFull()) ? this.latest.get() : -1;
		List<PdpClient.Answer> answers = this.client.check(requests, consistency);
		List<Decision> decisions = new ArrayList<>(answers.size());
		for (int i = 0; i < answers.size(); i++) {
			PdpClient.Answer answer = answers.get(i);
			long position = Math.max(answer.position(), floor);
			this.latest.accumulateAndGet(position, Math::max);
			if (this.cache != null) {
				PermissionRequest request = requests.get(i);
				this.cache.put(request.subject(), request.permission(), request.resource(), request.context().values(),
						new PdpClient.Answer(answer.decision(), position));
			}
			decisions.add(answer.decision());
		}
		return decisions;
	}

	private static boolean freshEnough(PdpClient.Answer cached, @Nullable Consistency consistency) {
		if (consistency == null) {
			return true;
		}
		ConsistencyToken token = consistency.token();
		return token != null && cached.position() >= token.position();
	}

}
