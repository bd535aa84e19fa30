package io.github.permissionmanager;

/**
 * Where every decision goes once it is made: the one seam for audit listeners, metrics
 * and tracing. The default publisher hands each {@link PermissionDecisionEvent} to the
 * application's event listeners that receive it (an {@code @EventListener} method, an
 * {@code ApplicationListener} bean, one added to the context later), and builds nothing
 * when there is none. Declare a bean of this type to replace it, as Spring Security's
 * {@code AuthorizationEventPublisher} is replaced.
 * <p>
 * The decision path asks {@link #isPublishing(boolean)} first, and builds the event (and,
 * for a denial, its reason) only when the answer is {@code true}; so a publisher that
 * publishes nothing costs a cached check nothing. A publisher that throws from
 * {@link #publish} on an allow turns the allow into a failure (the guarded method does
 * not run); on a denial the failure is logged and the denial stands.
 */
public interface PermissionDecisionPublisher {

	/**
	 * A publisher that publishes nothing
	 * ({@code permission-manager.evaluation.publish-events=false}).
	 * @return the publisher
	 */
	static PermissionDecisionPublisher none() {
		return NoDecisionPublisher.INSTANCE;
	}

	/**
	 * Whether decisions that allow (or deny) are published now. Called for every
	 * decision, so it must be cheap and must not fail.
	 * @param allowed whether the decision allows
	 * @return whether {@link #publish} would publish it
	 */
	boolean isPublishing(boolean allowed);

	/**
	 * Publish one decision, for which {@link #isPublishing(boolean)} has just answered
	 * {@code true}.
	 * @param event the decision
	 */
	void publish(PermissionDecisionEvent event);

}
