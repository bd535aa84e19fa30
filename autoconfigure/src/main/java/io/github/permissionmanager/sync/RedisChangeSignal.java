package io.github.permissionmanager.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.permissionmanager.store.ChangeSignal;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Publishes a change's position on a Redis channel once its transaction commits (Redis
 * knows nothing of the store's transactions, so a rolled-back change publishes nothing).
 * Publishing happens on a thread of its own, so a slow or absent Redis never holds the
 * caller of {@code grant}/{@code revoke}; positions waiting to be published collapse into
 * the latest. A failure to publish is logged and otherwise ignored: followers poll.
 */
public final class RedisChangeSignal implements ChangeSignal, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisChangeSignal.class);

	private final StringRedisTemplate redis;

	private final String channel;

	private final AtomicLong latest = new AtomicLong();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final ExecutorService publisher = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "permission-manager-change-publisher");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Create a signal.
	 * @param redis the template to publish with
	 * @param channel the channel
	 */
	public RedisChangeSignal(StringRedisTemplate redis, String channel) {
		Assert.notNull(redis, "redis cannot be null");
		Assert.hasText(channel, "channel cannot be empty");
		this.redis = redis;
		this.channel = channel;
	}

	@Override
	public void changed(long position) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			publish(position);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				publish(position);
			}
		});
	}

	private void publish(long position) {
		this.latest.accumulateAndGet(position, Math::max);
		if (this.scheduled.compareAndSet(false, true)) {
			try {
				this.publisher.execute(this::send);
			}
			catch (RejectedExecutionException ex) {
				this.scheduled.set(false);
			}
		}
	}

	@Override
	public void close() {
		this.publisher.shutdownNow();
	}

	private void send() {
		this.scheduled.set(false);
		try {
			this.redis.convertAndSend(this.channel, Long.toString(this.latest.get()));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not publish a permission change on Redis (" + ex.getMessage()
					+ "); other instances see it at their next poll");
		}
	}

}
