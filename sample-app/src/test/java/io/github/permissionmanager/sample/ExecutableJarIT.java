package io.github.permissionmanager.sample;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.permissionmanager.testsupport.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample is an executable jar: {@code java -jar} starts it (on a free port
 * here), the public schedule answers, and a guarded call is refused as in the
 * walkthrough. Runs in the integration-test phase, after the jar is built.
 */
class ExecutableJarIT {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	@Test
	void javaDashJarStartsTheSampleAndItAnswers() throws Exception {
		Path jar = executableJar();
		try (JarFile file = new JarFile(jar.toFile())) {
			assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
				.isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
			assertThat(file.getManifest().getMainAttributes().getValue("Start-Class"))
				.isEqualTo(SampleApplication.class.getName());
		}
		Path log = Files.createTempFile("sample-jar", ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--server.port=0"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			int port = awaitPort(process, log);
			Http http = new Http(port);
			HttpResponse<String> schedule = http.get(null, "/events/1/sessions");
			assertThat(schedule.statusCode()).isEqualTo(200);
			HttpResponse<String> denied = http.send("dave", "PATCH", "/sessions/4", "{\"title\":\"Dave was here\"}");
			assertThat(denied.statusCode()).isEqualTo(403);
			assertThat(denied.body()).contains("\"missingPermissions\" : [ \"session:update\" ]");
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static Path executableJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files
				.filter((path) -> path.getFileName().toString().matches("permission-manager-sample-.*\\.jar"))
				.toList();
			assertThat(jars).as("the packaged sample in target/").hasSize(1);
			return jars.get(0);
		}
	}

	private static int awaitPort(Process process, Path log) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			String output = Files.readString(log);
			Matcher matcher = PORT.matcher(output);
			if (matcher.find()) {
				return Integer.parseInt(matcher.group(1));
			}
			assertThat(process.isAlive()).as("java -jar is running; its output:%n%s", output).isTrue();
			Thread.sleep(250);
		}
		throw new AssertionError("java -jar did not start within 3 minutes; its output:\n" + Files.readString(log));
	}

}
