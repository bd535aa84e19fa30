package io.github.permissionmanager.pdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.PermittedObjects;
import io.github.permissionmanager.decide.PermittedObjectsByTenant;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;

/**
 * What the decision point answers, endpoint by endpoint, from the request bodies read
 * strictly: checks, one at a time or in bulk, go through the {@link DecisionService} like
 * every decision of the application (its evaluator, its events); the tenants of a check
 * and the objects of a type are read from the subject's grant snapshot, as
 * {@code objectIds} reads them. Every answer that can carry one names the change log
 * position it is at least as fresh as ({@code consistencyToken}), so a client may cache
 * it and still honour {@link Consistency#atLeast(ConsistencyToken)}.
 */
public final class PdpDecisions {

	private final DecisionService decisions;

	private final @Nullable GrantSnapshotCache snapshots;

	private final int maxChecks;

	private final @Nullable String permissionsClaim;

	/**
	 * Create the answers.
	 * @param decisions decides checks
	 * @param snapshots the grant snapshots, or {@code null} without a grant store (then
	 * tenants, objects and consistency requirements cannot be answered: 501)
	 * @param maxChecks how many checks a bulk may hold
	 * @param permissionsClaim the user attribute that grants permissions, which callers
	 * may not send (a 400), or {@code null}
	 */
	public PdpDecisions(DecisionService decisions, @Nullable GrantSnapshotCache snapshots, int maxChecks,
			@Nullable String permissionsClaim) {
		Assert.notNull(decisions, "decisions cannot be null");
		this.decisions = decisions;
		this.snapshots = snapshots;
		this.maxChecks = maxChecks;
		this.permissionsClaim = permissionsClaim;
	}

	/**
	 * {@code POST check}: one check.
	 * @param body the request body
	 * @param explained whether the caller may read explanations
	 * @return the answer
	 */
	public Map<String, Object> check(JsonFields body, Supplier<Boolean> explained) {
		Check check = Check.read(body, true, this.permissionsClaim);
		Consistency consistency = consistency(body);
		body.end();
		boolean explain = explanation(check, explained, "explain");
		long position = position(consistency);
		Map<String, Object> answer = honouring(consistency, () -> answer(check, explain));
		return withPosition(answer, position);
	}

	/**
	 * {@code POST check/bulk}: many checks, answered in order.
	 * @param body the request body
	 * @param explained whether the caller may read explanations
	 * @return the answer
	 */
	public Map<String, Object> bulk(JsonFields body, Supplier<Boolean> explained) {
		List<Check> checks = new ArrayList<>();
		List<JsonFields> items = body.objects("checks", this.maxChecks);
		for (JsonFields item : items) {
			Check check = Check.read(item, true, this.permissionsClaim);
			item.end();
			checks.add(check);
		}
		Consistency consistency = consistency(body);
		body.end();
		for (int i = 0; i < checks.size(); i++) {
			explanation(checks.get(i), explained, "checks[" + i + "].explain");
		}
		long position = position(consistency);
		List<Map<String, Object>> results = honouring(consistency, () -> {
			List<Map<String, Object>> answers = new ArrayList<>(checks.size());
			checks.forEach((check) -> answers.add(answer(check, check.explain())));
			return answers;
		});
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("results", results);
		return withPosition(answer, position);
	}

	/**
	 * {@code POST check/all-tenants}: the tenants in which a check is allowed.
	 * @param body the request body
	 * @return the answer
	 */
	public Map<String, Object> allTenants(JsonFields body) {
		Check check = Check.read(body, false, this.permissionsClaim);
		Consistency consistency = consistency(body);
		body.end();
		Resource resource = check.resource();
		if (resource == null) {
			throw new PdpInputException(body.path("resource"), "is required");
		}
		GrantSnapshotCache snapshots = snapshots("check/all-tenants");
		long position = position(consistency);
		PermittedObjectsByTenant permitted = honouring(consistency,
				() -> action(body, () -> snapshots.permittedByTenant(check.user(), check.action(), resource.type())));
		TreeSet<String> tenants = new TreeSet<>();
		permitted.tenants().forEach((tenant, objects) -> {
			if (admits(objects, resource.id())) {
				tenants.add(tenant);
			}
		});
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("allTenants", admits(permitted.everyTenant(), resource.id()));
		answer.put("tenants", tenants);
		return withPosition(answer, position);
	}

	/**
	 * {@code POST object-ids}: the objects of a type a user may act on.
	 * @param body the request body
	 * @return the answer
	 */
	public Map<String, Object> objectIds(JsonFields body) {
		Subject user = PdpWire.user(body.object("user"), this.permissionsClaim);
		String action = body.text("action");
		String type = body.text("resourceType");
		String tenant = body.optionalText("tenant");
		Consistency consistency = consistency(body);
		body.end();
		GrantSnapshotCache snapshots = snapshots("object-ids");
		long position = position(consistency);
		Map<String, Object> answer = honouring(consistency, () -> action(body, () -> {
			Map<String, Object> objects = new LinkedHashMap<>();
			objects.put("allObjects", snapshots.permitted(user, action, type, tenant).all());
			objects.put("ids", new TreeSet<>(snapshots.objectIds(user, action, type, tenant)));
			return objects;
		}));
		return withPosition(answer, position);
	}

	private Map<String, Object> answer(Check check, boolean explain) {
		Decision decision = this.decisions.decide(check.user(), check.action(), check.resource(), check.context());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("allowed", decision.allowed());
		// without pdp:explain the reason names no grant (an allow's reason does)
		answer.put("reason", explain ? decision.reason() : decision.allowed() ? "allowed" : "denied");
		answer.put("missing", decision.missingPermissions());
		if (explain && decision.grant() != null) {
			answer.put("grant", PdpWire.grant(decision.grant()));
		}
		return answer;
	}

	private static boolean explanation(Check check, Supplier<Boolean> explained, String field) {
		if (check.explain() && !explained.get()) {
			throw new PdpRefusal(HttpStatus.FORBIDDEN,
					field + ": explanations name other users' grants, and the caller does not hold "
							+ PdpCallers.EXPLAIN + ".");
		}
		return check.explain();
	}

	private static boolean admits(PermittedObjects objects, @Nullable String id) {
		return objects.all() || (id != null && objects.ids().contains(id));
	}

	// An action that cannot be parsed is the caller's mistake, named as such
	private static <T> T action(JsonFields body, Supplier<T> answer) {
		try {
			return answer.get();
		}
		catch (IllegalArgumentException ex) {
			throw new PdpInputException(body.path("action"), String.valueOf(ex.getMessage()));
		}
	}

	private static @Nullable Consistency consistency(JsonFields body) {
		String text = body.optionalText("consistency");
		if (text == null) {
			return null;
		}
		if (text.equals("full")) {
			return Consistency.full();
		}
		try {
			return Consistency.atLeast(ConsistencyToken.parse(text));
		}
		catch (IllegalArgumentException ex) {
			throw new PdpInputException(body.path("consistency"),
					"must be \"full\" or a consistency token such as \"pm1.42\"");
		}
	}

	private <T> T honouring(@Nullable Consistency consistency, Supplier<T> answer) {
		if (consistency == null) {
			return answer.get();
		}
		return snapshots("a consistency requirement").trust().honouring(consistency, answer);
	}

	// How far the answers are known to be fresh, read before deciding: the change log
	// position this instance has applied, or the token a requirement made it honour
	private long position(@Nullable Consistency consistency) {
		long followed = (this.snapshots != null) ? this.snapshots.trust().followedTo() : -1;
		ConsistencyToken token = (consistency != null) ? consistency.token() : null;
		return (token != null) ? Math.max(followed, token.position()) : followed;
	}

	private static Map<String, Object> withPosition(Map<String, Object> answer, long position) {
		if (position >= 0) {
			answer.put("consistencyToken", new ConsistencyToken(position).value());
		}
		return answer;
	}

	private GrantSnapshotCache snapshots(String what) {
		if (this.snapshots == null) {
			throw new PdpRefusal(HttpStatus.NOT_IMPLEMENTED,
					"This decision point has no grant store, so it cannot answer " + what + ".");
		}
		return this.snapshots;
	}

	/**
	 * One check of a request body.
	 */
	record Check(Subject user, String action, @Nullable Resource resource, PermissionContext context, boolean explain) {

		static Check read(JsonFields body, boolean tenant, @Nullable String permissionsClaim) {
			Subject user = PdpWire.user(body.object("user"), permissionsClaim);
			String action = body.text("action");
			JsonFields resource = body.optionalObject("resource");
			Resource read = (resource != null) ? PdpWire.resource(resource, tenant) : null;
			PermissionContext context = PdpWire.context(body.values("context"));
			return new Check(user, action, read, context, tenant && body.flag("explain"));
		}

	}

}
