package io.github.permissionmanager.decide;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionDecisionEvent;
import io.github.permissionmanager.PermissionDecisionPublisher;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.log.LogMessage;
import org.springframework.util.Assert;

/**
 * The one path every decision takes, whoever asks (the interceptor or
 * {@link io.github.permissionmanager.PermissionManager}): asks the
 * {@link PermissionEvaluator}, turns an abstention into a denial, and hands the decision
 * to the {@link PermissionDecisionPublisher}.
 * <p>
 * A cached allow costs no allocation: the default evaluator is asked directly (no
 * {@link PermissionRequest}) and answers with the allow prebuilt in the subject's
 * snapshot; an evaluator that keeps decisions ({@link CachedDecisions}, the remote one)
 * is asked for a kept one first, with no request built either. The text of a denial and
 * the {@link PermissionDecisionEvent} are built only when something reads them: an
 * explanation, a publisher that publishes the decision, or debug logging.
 */
public final class DecisionService {

	private static final Log logger = LogFactory.getLog(DecisionService.class);

	private static final Decision ABSTAINED = Decision.deny("evaluator abstained");

	private final PermissionEvaluator evaluator;

	// The library's own evaluator, asked without building a request or a denial's text
	private final @Nullable DefaultPermissionEvaluator direct;

	// An evaluator asked for a kept decision before a request is built
	private final @Nullable CachedDecisions cached;

	private final PermissionDecisionPublisher publisher;

	private final Clock clock;

	/**
	 * Create a service that publishes every decision as an application event, or none.
	 * @param evaluator decides
	 * @param publisher where events go
	 * @param publishEvents whether to publish
	 */
	public DecisionService(PermissionEvaluator evaluator, ApplicationEventPublisher publisher, boolean publishEvents) {
		this(evaluator, publisher, publishEvents, Clock.systemUTC());
	}

	/**
	 * Create a service that publishes every decision as an application event, or none.
	 * @param evaluator decides
	 * @param publisher where events go
	 * @param publishEvents whether to publish
	 * @param clock stamps the events
	 */
	public DecisionService(PermissionEvaluator evaluator, ApplicationEventPublisher publisher, boolean publishEvents,
			Clock clock) {
		this(evaluator,
				publishEvents ? new ApplicationEventDecisionPublisher(publisher) : PermissionDecisionPublisher.none(),
				clock);
	}

	/**
	 * Create a service.
	 * @param evaluator decides
	 * @param publisher publishes the decisions
	 * @param clock stamps the events
	 */
	public DecisionService(PermissionEvaluator evaluator, PermissionDecisionPublisher publisher, Clock clock) {
		Assert.notNull(evaluator, "evaluator cannot be null");
		Assert.notNull(publisher, "publisher cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.evaluator = evaluator;
		this.direct = (evaluator instanceof DefaultPermissionEvaluator own) ? own : null;
		this.cached = (evaluator instanceof CachedDecisions keeping) ? keeping : null;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Decide a request. An abstention ({@code null}) is a denial.
	 * @param request the request
	 * @return the decision, never {@code null}
	 * @throws PermissionEvaluationException when the evaluator fails: no decision could
	 * be made
	 */
	public Decision decide(PermissionRequest request) {
		return decide(request.subject(), request.permission(), request.resource(), request.context(), request);
	}

	/**
	 * Decide, with the reason: what {@code explain} answers.
	 * @param subject who asks
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param context what was resolved for the call
	 * @return the decision, never {@code null}
	 * @throws PermissionEvaluationException when the evaluator fails
	 */
	public Decision decide(Subject subject, String permission, @Nullable Resource resource, PermissionContext context) {
		return decide(subject, permission, resource, context, null);
	}

	/**
	 * Whether a permission is allowed: a decision like {@link #decide}, published alike,
	 * whose reason is built only when something reads it.
	 * @param subject who asks
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param context what was resolved for the call
	 * @return whether it is allowed
	 * @throws PermissionEvaluationException when the evaluator fails
	 */
	public boolean allows(Subject subject, String permission, @Nullable Resource resource, PermissionContext context) {
		DefaultPermissionEvaluator direct = this.direct;
		if (direct == null) {
			return decide(subject, permission, resource, context, null).allowed();
		}
		Assert.notNull(subject, "subject cannot be null");
		Assert.notNull(permission, "permission cannot be empty");
		Assert.notNull(context, "context cannot be null");
		// The grant that allows, its decision built only when reported: a cached check
		// reads no more of the snapshot than finding the grant takes
		GrantAllow allow;
		try {
			allow = direct.allowing(subject, permission, resource, context);
		}
		catch (Exception | Error ex) {
			throw failure(subject, permission, resource, ex);
		}
		boolean allowed = allow != null;
		if (!allowed) {
			// Only a denial scans the text: a blank permission never parses, so it never
			// allows, and it is refused here before anything is reported
			Assert.hasText(permission, "permission cannot be empty");
		}
		if (this.publisher.isPublishing(allowed) || logger.isDebugEnabled()) {
			report(subject, permission, resource,
					(allow != null) ? allow.decision() : denial(subject, permission, resource, context));
		}
		return allowed;
	}

	/**
	 * Whether each of several permissions is allowed on one resource, the evaluator being
	 * asked for all of them at once ({@link PermissionEvaluator#evaluateAll}: one round
	 * trip for a remote one): decisions like {@link #allows}, published alike.
	 * @param subject who asks
	 * @param permissions the permissions, never empty
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param context what was resolved for the call
	 * @return whether each is allowed, in order
	 * @throws PermissionEvaluationException when the evaluator fails
	 */
	public boolean[] allowsEach(Subject subject, List<String> permissions, @Nullable Resource resource,
			PermissionContext context) {
		boolean[] allowed = new boolean[permissions.size()];
		List<PermissionRequest> requests = new ArrayList<>(permissions.size());
		permissions
			.forEach((permission) -> requests.add(new PermissionRequest(subject, permission, resource, context)));
		List<@Nullable Decision> decisions;
		try {
			decisions = this.evaluator.evaluateAll(requests);
			Assert.state(decisions.size() == requests.size(), "evaluateAll must answer one decision per request");
		}
		catch (Exception | Error ex) {
			throw failure(subject, String.join(", ", permissions), resource, ex);
		}
		for (int i = 0; i < allowed.length; i++) {
			Decision decision = decisions.get(i);
			Decision effective = (decision != null) ? decision : ABSTAINED;
			allowed[i] = effective.allowed();
			if (this.publisher.isPublishing(allowed[i]) || logger.isDebugEnabled()) {
				report(subject, permissions.get(i), resource, effective);
			}
		}
		return allowed;
	}

	/**
	 * Whether several permissions are best asked at once ({@link #allowsEach}): not of
	 * the library's own evaluator, asked one after the other.
	 */
	public boolean asksAtOnce() {
		return this.direct == null;
	}

	/**
	 * Decide a request, turning any failure into a denial (for programmatic checks).
	 * @param request the request
	 * @return the decision, never {@code null}
	 */
	public Decision decideOrDeny(PermissionRequest request) {
		try {
			return decide(request);
		}
		catch (PermissionEvaluationException ex) {
			return failed(ex);
		}
	}

	/**
	 * Whether a permission is allowed, any failure being a denial (for programmatic
	 * checks).
	 * @param subject who asks
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @return whether it is allowed
	 */
	public boolean allowsOrDenies(Subject subject, String permission, @Nullable Resource resource) {
		try {
			return allows(subject, permission, resource, PermissionContext.empty());
		}
		catch (PermissionEvaluationException ex) {
			failed(ex);
			return false;
		}
	}

	private Decision decide(Subject subject, String permission, @Nullable Resource resource, PermissionContext context,
			@Nullable PermissionRequest request) {
		Decision decision = evaluate(subject, permission, resource, context, request);
		if (decision == null) {
			decision = denial(subject, permission, resource, context);
		}
		if (this.publisher.isPublishing(decision.allowed()) || logger.isDebugEnabled()) {
			report(subject, permission, resource, decision);
		}
		return decision;
	}

	// The decision, or null for a denial of the default evaluator whose text is not built
	private @Nullable Decision evaluate(Subject subject, String permission, @Nullable Resource resource,
			PermissionContext context, @Nullable PermissionRequest request) {
		checkArguments(subject, permission, context);
		try {
			if (this.direct != null) {
				return this.direct.allowOf(subject, permission, resource, context);
			}
			if (this.cached != null) {
				Decision kept = this.cached.cached(subject, permission, resource, context);
				if (kept != null) {
					return kept;
				}
			}
			Decision decision = this.evaluator
				.evaluate((request != null) ? request : new PermissionRequest(subject, permission, resource, context));
			return (decision != null) ? decision : ABSTAINED;
		}
		// Exception, not RuntimeException: an evaluator written in Kotlin or Groovy
		// throws checked exceptions (SQLException, IOException) without declaring them
		catch (Exception | Error ex) {
			throw failure(subject, permission, resource, ex);
		}
	}

	private static void checkArguments(Subject subject, String permission, PermissionContext context) {
		Assert.notNull(subject, "subject cannot be null");
		Assert.hasText(permission, "permission cannot be empty");
		Assert.notNull(context, "context cannot be null");
	}

	private PermissionEvaluationException failure(Subject subject, String permission, @Nullable Resource on,
			Throwable ex) {
		try {
			if (this.publisher.isPublishing(false)) {
				publish(subject, permission, on, false, DecisionText.failed(null));
			}
		}
		catch (RuntimeException listenerFailure) {
			ex.addSuppressed(listenerFailure);
		}
		String what = "Could not decide '" + permission + "' for '" + subject.id() + "'";
		return new PermissionEvaluationException(what, ex);
	}

	private Decision denial(Subject subject, String permission, @Nullable Resource resource,
			PermissionContext context) {
		Assert.state(this.direct != null, "only the default evaluator leaves a denial to be explained");
		return this.direct.denial(subject, permission, resource, context);
	}

	private void report(Subject subject, String permission, @Nullable Resource resource, Decision decision) {
		if (logger.isDebugEnabled()) {
			// Guarded, not only lazy: the commons-logging bridge may render the message
			// before it checks the level
			logger.debug(LogMessage.format("%s %s on %s for %s: %s", decision.allowed() ? "Allowed" : "Denied",
					permission, resource, subject.id(), decision.reason()));
		}
		if (!this.publisher.isPublishing(decision.allowed())) {
			return;
		}
		try {
			publish(subject, permission, resource, decision.allowed(), decision.reason());
		}
		catch (RuntimeException ex) {
			// An allow that could not be recorded is not a clean allow; a denial stays a
			// denial
			if (decision.allowed()) {
				throw new PermissionEvaluationException("A PermissionDecisionEvent listener failed", ex);
			}
			logger.warn("A PermissionDecisionEvent listener failed", ex);
		}
	}

	private void publish(Subject subject, String permission, @Nullable Resource resource, boolean allowed,
			String reason) {
		this.publisher
			.publish(new PermissionDecisionEvent(subject, permission, resource, allowed, reason, this.clock.instant()));
	}

	private static Decision failed(PermissionEvaluationException ex) {
		// decide() always wraps the failure, but a subclass might not: name the exception
		// itself then
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		logger.warn(ex.getMessage(), cause);
		return Decision.deny(DecisionText.failed(cause));
	}

}
