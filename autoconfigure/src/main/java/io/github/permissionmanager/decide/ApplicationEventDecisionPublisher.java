package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.permissionmanager.PermissionDecisionEvent;
import io.github.permissionmanager.PermissionDecisionPublisher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.GenericApplicationListenerAdapter;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.log.LogMessage;
import org.springframework.util.Assert;

/**
 * The default {@link PermissionDecisionPublisher}: publishes each decision as a
 * {@link PermissionDecisionEvent} application event when the application has a listener
 * that receives it, and builds nothing otherwise.
 * <p>
 * Which listeners receive it is worked out as the application context's multicaster does
 * (the listener's declared event type, {@code supportsEventType} and
 * {@code supportsSourceType}), over the listeners the context and its parents hold and
 * their {@code ApplicationListener} beans: when the context is refreshed, and again when
 * a listener is added to it later ({@code addApplicationListener}). Until the first
 * refresh, and whenever the listeners cannot be read, every decision is published: an
 * event a listener asked for is never dropped. Spring Security's own
 * {@code DelegatingApplicationListener}, which hands session events to its session
 * registry, is not counted as a listener of decisions.
 */
public final class ApplicationEventDecisionPublisher
		implements PermissionDecisionPublisher, ApplicationListener<ContextRefreshedEvent> {

	private static final Log logger = LogFactory.getLog(ApplicationEventDecisionPublisher.class);

	private static final ResolvableType EVENT_TYPE = ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class,
			PermissionDecisionEvent.class);

	private static final String SECURITY_DELEGATING_LISTENER = "org.springframework.security.context.DelegatingApplicationListener";

	private final ApplicationEventPublisher publisher;

	private final @Nullable AbstractApplicationContext context;

	// What the last scan found, and the number of listeners the context held then: a
	// listener added since makes the next decision scan again
	private volatile boolean listening = true;

	private volatile int scannedListeners = -1;

	/**
	 * Create a publisher that publishes every decision.
	 * @param publisher where events go
	 */
	public ApplicationEventDecisionPublisher(ApplicationEventPublisher publisher) {
		this(publisher, null);
	}

	/**
	 * Create a publisher that publishes decisions when the context has a listener of
	 * them.
	 * @param publisher where events go
	 * @param context the context whose listeners are looked at, or {@code null} to
	 * publish every decision
	 */
	public ApplicationEventDecisionPublisher(ApplicationEventPublisher publisher,
			@Nullable ApplicationContext context) {
		Assert.notNull(publisher, "publisher cannot be null");
		this.publisher = publisher;
		this.context = (context instanceof AbstractApplicationContext listening) ? listening : null;
	}

	@Override
	public boolean isPublishing(boolean allowed) {
		AbstractApplicationContext context = this.context;
		if (context != null && context.getApplicationListeners().size() != this.scannedListeners
				&& this.scannedListeners >= 0) {
			scan();
		}
		return this.listening;
	}

	@Override
	public void publish(PermissionDecisionEvent event) {
		this.publisher.publishEvent(event);
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		if (event.getApplicationContext() == this.context) {
			scan();
		}
	}

	/**
	 * Whether the last look at the context's listeners found one that receives decisions.
	 * @return whether decisions are published
	 */
	public boolean hasListeners() {
		return this.listening;
	}

	private synchronized void scan() {
		AbstractApplicationContext context = this.context;
		if (context == null) {
			return;
		}
		int listeners = context.getApplicationListeners().size();
		boolean found;
		try {
			List<Object> receivers = receivers(context);
			found = !receivers.isEmpty();
			logger.debug(LogMessage.format("PermissionDecisionEvent listeners: %s", receivers));
		}
		catch (RuntimeException ex) {
			// cannot tell: publish, and look again when the listeners change
			logger.debug("Could not read the application listeners; publishing every decision", ex);
			found = true;
		}
		this.listening = found;
		this.scannedListeners = listeners;
	}

	private static List<Object> receivers(AbstractApplicationContext context) {
		List<Object> receivers = new ArrayList<>();
		Class<?> sourceType = context.getClass();
		for (ApplicationContext current = context; current != null; current = current.getParent()) {
			if (!(current instanceof AbstractApplicationContext holder)) {
				receivers.add(current);
				continue;
			}
			// a copy: a listener may be added while this looks
			Collection<ApplicationListener<?>> listeners = new ArrayList<>(holder.getApplicationListeners());
			for (ApplicationListener<?> listener : listeners) {
				if (receives(listener, sourceType)) {
					receivers.add(listener);
				}
			}
			for (String name : current.getBeanNamesForType(ApplicationListener.class, true, false)) {
				if (!mayReceive(current.getType(name, false))) {
					continue;
				}
				Object bean;
				try {
					bean = current.getBean(name, ApplicationListener.class);
				}
				catch (RuntimeException ex) {
					// a scoped listener that cannot be created now: count it
					receivers.add(name);
					continue;
				}
				if (receives((ApplicationListener<?>) bean, sourceType)) {
					receivers.add(name);
				}
			}
		}
		return receivers;
	}

	// By its declared type alone, without creating the bean (as the multicaster does)
	private static boolean mayReceive(@Nullable Class<?> type) {
		if (type == null || GenericApplicationListener.class.isAssignableFrom(type)
				|| SmartApplicationListener.class.isAssignableFrom(type)) {
			return true;
		}
		ResolvableType declared = ResolvableType.forClass(type).as(ApplicationListener.class).getGeneric();
		return declared == ResolvableType.NONE || declared.isAssignableFrom(EVENT_TYPE);
	}

	private static boolean receives(ApplicationListener<?> listener, Class<?> sourceType) {
		if (listener.getClass().getName().equals(SECURITY_DELEGATING_LISTENER)) {
			return false;
		}
		GenericApplicationListener generic = (listener instanceof GenericApplicationListener known) ? known
				: new GenericApplicationListenerAdapter(listener);
		return generic.supportsEventType(EVENT_TYPE) && generic.supportsSourceType(sourceType);
	}

}
