package io.github.permissionmanager.autoconfigure;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * The remote evaluator's requests through Apache HttpClient 5, referenced only when it is
 * on the classpath. The classic client sends a request and reads its answer on the
 * calling thread, on a pooled kept-alive connection with TCP_NODELAY, headers and body in
 * one write: no hand-off to a selector or executor thread, which is most of an uncached
 * check's time with the JDK client on a loaded machine. It behaves as the JDK client does
 * otherwise: no redirect is followed (the API key stays with the decision point), no
 * retry of its own ({@code PdpClient} retries once on a new connection), no cookies, no
 * compression.
 */
final class PdpApacheHttpClient {

	private PdpApacheHttpClient() {
	}

	/**
	 * A request factory over a client of its own.
	 * @param connectTimeout longest a connection may take to open, and a free pooled
	 * connection to be found
	 * @param readTimeout longest an answer may take
	 * @param maxConnections most connections open at once
	 * @return the factory
	 */
	static HttpComponentsClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout,
			int maxConnections) {
		CloseableHttpClient http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(maxConnections)
				.setMaxConnPerRoute(maxConnections)
				.setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(connectTimeout))
					.setSocketTimeout(Timeout.of(readTimeout))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(Timeout.of(connectTimeout))
				.setResponseTimeout(Timeout.of(readTimeout))
				.build())
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableContentCompression()
			.disableAuthCaching()
			.build();
		HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(http);
		requests.setReadTimeout(readTimeout);
		requests.setConnectionRequestTimeout(connectTimeout);
		return requests;
	}

}
