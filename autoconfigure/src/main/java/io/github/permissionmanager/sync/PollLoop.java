package io.github.permissionmanager.sync;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs a task on a daemon thread of its own every interval, or at once when woken. A
 * wake-up that arrives while the task runs makes the next run start right after it.
 */
final class PollLoop {

	private final Runnable task;

	private final long intervalNanos;

	private final Object lock = new Object();

	private boolean woken;

	private volatile boolean running;

	private @Nullable Thread thread;

	PollLoop(Runnable task, Duration interval) {
		this.task = task;
		this.intervalNanos = interval.toNanos();
	}

	void wake() {
		synchronized (this.lock) {
			this.woken = true;
			this.lock.notifyAll();
		}
	}

	synchronized void start(String name) {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::run, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	synchronized void stop() {
		this.running = false;
		Thread current = this.thread;
		if (current != null) {
			current.interrupt();
			try {
				current.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running) {
			this.task.run();
			try {
				await();
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void await() throws InterruptedException {
		long deadline = System.nanoTime() + this.intervalNanos;
		synchronized (this.lock) {
			long left;
			while (!this.woken && this.running && (left = deadline - System.nanoTime()) > 0) {
				TimeUnit.NANOSECONDS.timedWait(this.lock, left);
			}
			this.woken = false;
		}
	}

}
