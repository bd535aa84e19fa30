package io.github.permissionmanager.benchmarks.pdp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The decision point's own share of a round trip, for the benchmark only: a servlet
 * filter put before every other (Spring Security's chain included) that keeps how long
 * each request took from entering the filters to the answer written, and how much of it
 * the thread spent on a core (its CPU time), in a ring of the last 2^20 requests. What it
 * leaves out is the network, Tomcat's reading and dispatching of the request, and the
 * client.
 */
final class ServerTimer implements Filter {

	private static final int MASK = (1 << 20) - 1;

	private final long[] nanos = new long[MASK + 1];

	private final long[] cpuNanos = new long[MASK + 1];

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final AtomicInteger count = new AtomicInteger();

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		long start = System.nanoTime();
		long cpuStart = this.threads.getCurrentThreadCpuTime();
		try {
			chain.doFilter(request, response);
			// the answer leaves the container's buffer before the filter returns
			response.flushBuffer();
		}
		finally {
			long cpu = this.threads.getCurrentThreadCpuTime() - cpuStart;
			int at = this.count.getAndIncrement() & MASK;
			this.nanos[at] = System.nanoTime() - start;
			this.cpuNanos[at] = cpu;
		}
	}

	/** Forget what was timed so far. */
	void reset() {
		this.count.set(0);
	}

	/**
	 * The requests timed since the last reset, as a line for the benchmark's log.
	 * @param what what was running
	 * @return p50, p99 and the count
	 */
	String summary(String what) {
		int n = Math.min(this.count.get(), MASK + 1);
		if (n == 0) {
			return "# PDP server-side " + what + ": no request timed";
		}
		long[] sorted = Arrays.copyOf(this.nanos, n);
		Arrays.sort(sorted);
		long[] cpu = Arrays.copyOf(this.cpuNanos, n);
		Arrays.sort(cpu);
		return String.format(
				"# PDP server-side %s: p50 %.1f us, p99 %.1f us, mean %.1f us; of it on a core (thread CPU time):"
						+ " p50 %.1f us, p99 %.1f us (%d requests)",
				what, sorted[n / 2] / 1000.0, percentile99(sorted) / 1000.0,
				Arrays.stream(sorted).average().orElse(0) / 1000.0, cpu[n / 2] / 1000.0, percentile99(cpu) / 1000.0, n);
	}

	private static long percentile99(long[] sorted) {
		return sorted[(int) Math.min(sorted.length - 1, sorted.length * 99L / 100)];
	}

}
