package io.github.permissionmanager.sync;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.Assert;

/**
 * Subscribes to the Redis channel of {@link RedisChangeSignal} and wakes the
 * {@link ChangeFollower}. Redis being down never stops the application: the subscription
 * is made on a thread of its own, tried again with a growing pause (up to 5 s), and once
 * made, the {@link RedisMessageListenerContainer} recovers from lost connections by
 * itself; meanwhile the follower polls.
 */
public final class RedisChangeListener implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RedisChangeListener.class);

	private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

	private final RedisMessageListenerContainer container;

	private final ChangeFollower follower;

	private volatile boolean running;

	private @Nullable Thread thread;

	/**
	 * Create a listener.
	 * @param connectionFactory the Redis connections
	 * @param channel the channel
	 * @param follower the follower to wake
	 */
	public RedisChangeListener(RedisConnectionFactory connectionFactory, String channel, ChangeFollower follower) {
		Assert.notNull(connectionFactory, "connectionFactory cannot be null");
		Assert.hasText(channel, "channel cannot be empty");
		Assert.notNull(follower, "follower cannot be null");
		this.follower = follower;
		this.container = new RedisMessageListenerContainer();
		this.container.setConnectionFactory(connectionFactory);
		this.container.setRecoveryInterval(1000);
		// A wake-up only takes a lock and notifies: run it where the message arrives, not
		// on a new thread per message
		this.container.setTaskExecutor(Runnable::run);
		// ...but a blocking client (Jedis) keeps its subscription loop on the
		// subscription
		// executor, which would otherwise default to the one above and hold our thread
		SimpleAsyncTaskExecutor subscription = new SimpleAsyncTaskExecutor("permission-manager-redis-subscription-");
		subscription.setDaemon(true);
		this.container.setSubscriptionExecutor(subscription);
		this.container.addMessageListener((message, pattern) -> follower.wake(), new ChannelTopic(channel));
		this.container.afterPropertiesSet();
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread subscribing = new Thread(this::subscribe, "permission-manager-redis-subscriber");
		subscribing.setDaemon(true);
		subscribing.start();
		this.thread = subscribing;
	}

	private void subscribe() {
		long pause = 100;
		while (this.running) {
			try {
				this.container.start();
				// changes made before the subscription are read by the next poll
				this.follower.wake();
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Could not subscribe to Redis for permission changes (" + ex.getMessage()
						+ "); polling goes on, trying again in " + pause + " ms");
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				return;
			}
			pause = Math.min(pause * 2, MAX_PAUSE.toMillis());
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		Thread subscribing = this.thread;
		if (subscribing != null) {
			subscribing.interrupt();
		}
		this.thread = null;
		try {
			this.container.stop();
			this.container.destroy();
		}
		catch (Exception ex) {
			logger.debug("Could not stop the Redis subscription", ex);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Whether the subscription is made now.
	 * @return whether it is
	 */
	public boolean isListening() {
		return this.container.isListening();
	}

}
