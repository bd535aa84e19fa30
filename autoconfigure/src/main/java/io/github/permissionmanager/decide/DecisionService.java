package io.github.permissionmanager.decide;

import java.time.Clock;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionDecisionEvent;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.log.LogMessage;
import org.springframework.util.Assert;

/**
 * The one path every decision takes, whoever asks (the interceptor or
 * {@link io.github.permissionmanager.PermissionManager}): asks the
 * {@link PermissionEvaluator}, turns an abstention into a denial, and publishes a
 * {@link PermissionDecisionEvent}.
 */
public final class DecisionService {

	private static final Log logger = LogFactory.getLog(DecisionService.class);

	private final PermissionEvaluator evaluator;

	private final ApplicationEventPublisher publisher;

	private final boolean publishEvents;

	private final Clock clock;

	public DecisionService(PermissionEvaluator evaluator, ApplicationEventPublisher publisher, boolean publishEvents) {
		this(evaluator, publisher, publishEvents, Clock.systemUTC());
	}

	public DecisionService(PermissionEvaluator evaluator, ApplicationEventPublisher publisher, boolean publishEvents,
			Clock clock) {
		Assert.notNull(evaluator, "evaluator cannot be null");
		Assert.notNull(publisher, "publisher cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.evaluator = evaluator;
		this.publisher = publisher;
		this.publishEvents = publishEvents;
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
		Decision decision;
		try {
			decision = this.evaluator.evaluate(request);
		}
		// Exception, not RuntimeException: an evaluator written in Kotlin or Groovy
		// throws checked exceptions (SQLException, IOException) without declaring them
		catch (Exception | Error ex) {
			try {
				publish(request, false, "evaluation failed");
			}
			catch (RuntimeException listenerFailure) {
				ex.addSuppressed(listenerFailure);
			}
			throw new PermissionEvaluationException(
					"Could not decide '" + request.permission() + "' for '" + request.subject().id() + "'", ex);
		}
		if (decision == null) {
			decision = Decision.deny("evaluator abstained");
		}
		if (logger.isDebugEnabled()) {
			// Guarded, not only lazy: the commons-logging bridge may render the message
			// before it checks the level, and this runs on every guarded call
			logger.debug(LogMessage.format("%s %s on %s for %s: %s", decision.allowed() ? "Allowed" : "Denied",
					request.permission(), request.resource(), request.subject().id(), decision.reason()));
		}
		try {
			publish(request, decision.allowed(), decision.reason());
		}
		catch (RuntimeException ex) {
			// An allow that could not be recorded is not a clean allow; a denial stays a
			// denial
			if (decision.allowed()) {
				throw new PermissionEvaluationException("A PermissionDecisionEvent listener failed", ex);
			}
			logger.warn("A PermissionDecisionEvent listener failed", ex);
		}
		return decision;
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
			// decide() always wraps the failure, but a subclass might not: name the
			// exception itself then
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			logger.warn(ex.getMessage(), cause);
			return Decision.deny("evaluation failed: " + cause.getClass().getSimpleName());
		}
	}

	private void publish(PermissionRequest request, boolean allowed, String reason) {
		if (this.publishEvents) {
			this.publisher.publishEvent(new PermissionDecisionEvent(request.subject(), request.permission(),
					request.resource(), allowed, reason, this.clock.instant()));
		}
	}

}
