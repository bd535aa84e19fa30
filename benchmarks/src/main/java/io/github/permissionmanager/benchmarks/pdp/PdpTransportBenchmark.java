package io.github.permissionmanager.benchmarks.pdp;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.remote.PdpClient;
import io.github.permissionmanager.remote.RemotePermissionEvaluator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * One uncached check through the decision point on loopback, each call timed
 * ({@link Mode#SampleTime}), by the HTTP client under the remote evaluator: Apache
 * HttpClient 5 (classic: blocking on the calling thread, pooled kept-alive connections),
 * which the auto-configuration uses when it is on the classpath; the JDK
 * {@link HttpClient} as the auto-configuration sets it up without it (HTTP/1.1, its own
 * executor, a read timeout), the same with no read timeout; and {@code HttpURLConnection}
 * (blocking, on the calling thread, keep-alive). Each asks the decision point of
 * {@link PdpWorld}. (A JDK client whose answers are handled on its selector thread, with
 * no executor hand-off, was tried too: its checks did not complete and timed out.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PdpTransportBenchmark {

	private PdpWorld world;

	private RemotePermissionEvaluator jdk;

	private RemotePermissionEvaluator jdkNoTimeout;

	private RemotePermissionEvaluator urlConnection;

	private RemotePermissionEvaluator apache;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.world = new PdpWorld();
		this.jdk = evaluator(jdk(true));
		this.jdkNoTimeout = evaluator(jdk(false));
		SimpleClientHttpRequestFactory simple = new SimpleClientHttpRequestFactory();
		simple.setConnectTimeout(Duration.ofSeconds(5));
		simple.setReadTimeout(Duration.ofSeconds(10));
		this.urlConnection = evaluator(simple);
		HttpComponentsClientHttpRequestFactory apache = new HttpComponentsClientHttpRequestFactory();
		apache.setReadTimeout(Duration.ofSeconds(10));
		this.apache = evaluator(apache);
		for (int i = 0; i <= PdpWorld.CHECK_MASK; i++) {
			boolean expected = this.world.remoteUncached.check(this.world.requests[i].subject(),
					this.world.requests[i].permission(), this.world.requests[i].resource());
			for (RemotePermissionEvaluator evaluator : new RemotePermissionEvaluator[] { this.jdk, this.jdkNoTimeout,
					this.urlConnection, this.apache }) {
				if (evaluator.evaluate(this.world.requests[i]).allowed() != expected) {
					throw new IllegalStateException("the transports disagree on " + this.world.requests[i]);
				}
			}
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.world.close();
	}

	@Benchmark
	public boolean jdkHttpClient() {
		return this.jdk.evaluate(request()).allowed();
	}

	@Benchmark
	public boolean jdkHttpClientNoReadTimeout() {
		return this.jdkNoTimeout.evaluate(request()).allowed();
	}

	@Benchmark
	public boolean httpUrlConnection() {
		return this.urlConnection.evaluate(request()).allowed();
	}

	@Benchmark
	public boolean apacheHttpClient() {
		return this.apache.evaluate(request()).allowed();
	}

	private PermissionRequest request() {
		return this.world.requests[this.next++ & PdpWorld.CHECK_MASK];
	}

	private static ClientHttpRequestFactory jdk(boolean timeout) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		if (timeout) {
			factory.setReadTimeout(Duration.ofSeconds(10));
		}
		return factory;
	}

	private RemotePermissionEvaluator evaluator(ClientHttpRequestFactory factory) {
		RestClient rest = RestClient.builder()
			.baseUrl(this.world.url + "/")
			.defaultHeader("X-Api-Key", PdpWorld.KEY)
			.requestFactory(factory)
			.build();
		return new RemotePermissionEvaluator(new PdpClient(rest), Duration.ZERO, 0);
	}

}
