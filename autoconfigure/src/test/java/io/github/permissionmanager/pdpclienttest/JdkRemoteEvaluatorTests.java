package io.github.permissionmanager.pdpclienttest;

/**
 * {@link RemoteEvaluatorTests} with the JDK's HttpClient under the remote evaluator
 * ({@code permission-manager.pdp.client.transport=jdk}), the transport of an application
 * without Apache HttpClient 5: the same decisions, failures closed and recoveries.
 */
class JdkRemoteEvaluatorTests extends RemoteEvaluatorTests {

	@Override
	String transport() {
		return "jdk";
	}

	@Override
	String userAgent() {
		return "Java-http-client/";
	}

}
