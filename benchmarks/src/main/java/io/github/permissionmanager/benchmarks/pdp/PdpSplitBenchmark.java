package io.github.permissionmanager.benchmarks.pdp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
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

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * Where an uncached remote check's time goes, each call timed ({@link Mode#SampleTime}):
 * <ul>
 * <li>{@code rawHttp}: the check's HTTP/1.1 request, written once before timing, sent on
 * a kept-alive loopback socket and its answer read: the network, Tomcat and the decision
 * point, no client stack;</li>
 * <li>{@code clientNoNetwork}: the service's evaluator, {@code PdpClient} and
 * {@code RestClient} with JSON both ways, over a request factory that answers at once:
 * the client's own work, no network;</li>
 * <li>{@code clientUncached}: the whole check through the service's
 * {@code PermissionManager} as auto-configured (Apache HttpClient 5 on this
 * classpath).</li>
 * </ul>
 * The decision point's own share of each request (its filters, Spring Security, the
 * caller's {@code pdp:check}, reading the body, deciding, writing the answer) is timed by
 * {@link ServerTimer} and printed as a {@code # PDP server-side} line at the end of the
 * trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PdpSplitBenchmark {

	private PdpWorld world;

	private final byte[][] wire = new byte[PdpWorld.CHECK_MASK + 1][];

	private final boolean[] expected = new boolean[PdpWorld.CHECK_MASK + 1];

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	private final byte[] buffer = new byte[8192];

	private int next;

	private RemotePermissionEvaluator noNetwork;

	private String running = "";

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.world = new PdpWorld();
		this.world.verify();
		for (int i = 0; i <= PdpWorld.CHECK_MASK; i++) {
			PermissionRequest request = this.world.requests[i];
			String body = "{\"user\":{\"key\":\"" + request.subject().id() + "\"},\"action\":\"" + request.permission()
					+ "\",\"resource\":{\"type\":\"event\",\"key\":\"" + Objects.requireNonNull(request.resource()).id()
					+ "\"}}";
			byte[] json = body.getBytes(StandardCharsets.UTF_8);
			String head = "POST /pdp/v1/check HTTP/1.1\r\nHost: 127.0.0.1:" + this.world.port + "\r\nX-Api-Key: "
					+ PdpWorld.KEY + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length
					+ "\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
			this.wire[i] = new byte[headBytes.length + json.length];
			System.arraycopy(headBytes, 0, this.wire[i], 0, headBytes.length);
			System.arraycopy(json, 0, this.wire[i], headBytes.length, json.length);
			this.expected[i] = this.world.check(this.world.local, i);
		}
		connect();
		for (int i = 0; i <= PdpWorld.CHECK_MASK; i++) {
			if (send(i) != this.expected[i]) {
				throw new IllegalStateException("the raw request and the local store disagree on check " + i);
			}
		}
		this.noNetwork = new RemotePermissionEvaluator(new PdpClient(RestClient.builder()
			.baseUrl(this.world.url + "/")
			.defaultHeader("X-Api-Key", PdpWorld.KEY)
			.requestFactory((uri, method) -> new CannedRequest(uri, method))
			.build()), Duration.ZERO, 0);
		this.world.serverTimer.reset();
	}

	private void connect() throws IOException {
		this.socket = new Socket(InetAddress.getLoopbackAddress(), this.world.port);
		this.socket.setTcpNoDelay(true);
		this.out = this.socket.getOutputStream();
		this.in = this.socket.getInputStream();
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		System.out.println(this.world.serverTimer.summary(this.running));
		this.socket.close();
		this.world.close();
	}

	@Benchmark
	public boolean rawHttp() {
		this.running = "under rawHttp";
		return send(this.next++ & PdpWorld.CHECK_MASK);
	}

	@Benchmark
	public boolean clientUncached() {
		this.running = "under clientUncached";
		return this.world.check(this.world.remoteUncached, this.next++ & PdpWorld.CHECK_MASK);
	}

	@Benchmark
	public boolean clientNoNetwork() {
		this.running = "under clientNoNetwork";
		return this.noNetwork.evaluate(this.world.requests[this.next++ & PdpWorld.CHECK_MASK]).allowed();
	}

	// One exchange on the kept-alive socket: the request written at once, the answer read
	// up to its Content-Length; whether it allowed
	private boolean send(int index) {
		try {
			this.out.write(this.wire[index]);
			this.out.flush();
			int read = 0;
			int headEnd = -1;
			while (headEnd < 0) {
				int n = this.in.read(this.buffer, read, this.buffer.length - read);
				if (n < 0) {
					throw new IOException("the decision point closed the connection");
				}
				read += n;
				headEnd = headEnd(read);
			}
			String head = new String(this.buffer, 0, headEnd, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
			int length = contentLength(head);
			while (read < headEnd + length) {
				int n = this.in.read(this.buffer, read, this.buffer.length - read);
				if (n < 0) {
					throw new IOException("the decision point closed the connection");
				}
				read += n;
			}
			if (this.buffer[9] != '2') {
				throw new IllegalStateException(new String(this.buffer, 0, read, StandardCharsets.UTF_8));
			}
			boolean allowed = new String(this.buffer, headEnd, length, StandardCharsets.UTF_8)
				.startsWith("{\"allowed\":true");
			if (head.contains("connection: close")) {
				// Tomcat ends a connection after server.tomcat.max-keep-alive-requests
				// answers: a new one, as an HTTP client opens
				this.socket.close();
				connect();
			}
			return allowed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int headEnd(int read) {
		for (int i = 3; i < read; i++) {
			if (this.buffer[i] == '\n' && this.buffer[i - 1] == '\r' && this.buffer[i - 2] == '\n'
					&& this.buffer[i - 3] == '\r') {
				return i + 1;
			}
		}
		return -1;
	}

	private static int contentLength(String head) {
		int at = head.indexOf("content-length:");
		if (at < 0) {
			throw new IllegalStateException("no Content-Length in " + head);
		}
		int end = head.indexOf('\r', at);
		return Integer.parseInt(head.substring(at + "content-length:".length(), end).trim());
	}

	// An answer without a network: what the client's own work costs
	private static final class CannedRequest extends AbstractClientHttpRequest {

		private static final byte[] ANSWER = "{\"allowed\":true,\"reason\":\"allowed\",\"missing\":[]}"
			.getBytes(StandardCharsets.UTF_8);

		private final URI uri;

		private final HttpMethod method;

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		CannedRequest(URI uri, HttpMethod method) {
			this.uri = uri;
			this.method = method;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		protected OutputStream getBodyInternal(HttpHeaders headers) {
			return this.body;
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers) {
			return new ClientHttpResponse() {

				@Override
				public HttpStatusCode getStatusCode() {
					return HttpStatus.OK;
				}

				@Override
				public String getStatusText() {
					return "OK";
				}

				@Override
				public void close() {
				}

				@Override
				public InputStream getBody() {
					return new ByteArrayInputStream(ANSWER);
				}

				@Override
				public HttpHeaders getHeaders() {
					HttpHeaders answer = new HttpHeaders();
					answer.setContentType(MediaType.APPLICATION_JSON);
					answer.setContentLength(ANSWER.length);
					return answer;
				}

			};
		}

	}

}
