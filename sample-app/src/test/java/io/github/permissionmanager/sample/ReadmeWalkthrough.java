package io.github.permissionmanager.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The "Try it" walkthrough of the project's README.md, read as data: each step is a
 * {@code curl} command in a {@code bash} block followed by a {@code text} block with what
 * the app prints. The tests replay the commands and compare the output, so the README
 * cannot drift from the app.
 */
final class ReadmeWalkthrough {

	/** The curl option every step uses, so the output ends with the status line. */
	static final String WRITE_OUT = "\\nHTTP %{http_code}\\n";

	/** Where the README tells the reader the app listens. */
	static final String README_ORIGIN = "localhost:8080";

	private static final Pattern STEP = Pattern
		.compile("(?ms)^(?!```)([^\\n]+?)\\s*\\n+```bash\\n(curl .*?)\\n```\\s*\\n```text\\n(.*?)```");

	private ReadmeWalkthrough() {
	}

	/**
	 * The steps of the README's "Try it" section.
	 * @param readme the README file
	 * @return the steps, in order
	 */
	static List<Step> read(Path readme) {
		return read(readme, "Try it");
	}

	/**
	 * The steps of a walkthrough section of the README.
	 * @param readme the README file
	 * @param title the section's title (after {@code ## })
	 * @return the steps, in order
	 */
	static List<Step> read(Path readme, String title) {
		String text;
		try {
			text = Files.readString(readme, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Matcher section = Pattern.compile("(?ms)^## " + Pattern.quote(title) + "\\s*$(.*?)(?=^## |\\z)").matcher(text);
		if (!section.find()) {
			throw new IllegalStateException("README.md has no '## " + title + "' section");
		}
		List<Step> steps = new ArrayList<>();
		Matcher step = STEP.matcher(section.group(1));
		while (step.find()) {
			String command = step.group(2);
			steps.add(new Step(step.group(1).trim(), command, Curl.parse(command), step.group(3).stripTrailing()));
		}
		return steps;
	}

	/**
	 * Send a step's request to the app on a local port, as curl sends it (one request: no
	 * redirect followed, no cookie kept).
	 * @param http the client
	 * @param curl the step's command
	 * @param port where the app listens instead of {@link #README_ORIGIN}
	 * @return the response
	 * @throws IOException if the request fails
	 * @throws InterruptedException if interrupted
	 */
	static HttpResponse<String> send(HttpClient http, Curl curl, int port) throws IOException, InterruptedException {
		if (!curl.url().startsWith(README_ORIGIN)) {
			throw new IllegalStateException("the README's URLs start with " + README_ORIGIN + ", not " + curl.url());
		}
		URI uri = URI.create("http://localhost:" + port + curl.url().substring(README_ORIGIN.length()));
		HttpRequest.BodyPublisher body = (curl.body() != null) ? HttpRequest.BodyPublishers.ofString(curl.body())
				: HttpRequest.BodyPublishers.noBody();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(curl.method(), body);
		curl.headers().forEach(request::header);
		if (curl.user() != null) {
			String credentials = curl.user() + ":" + curl.password();
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The README file of the project, found from the module directory tests run in.
	 * @return the path
	 */
	static Path readme() {
		for (Path candidate : List.of(Path.of("..", "README.md"), Path.of("README.md"))) {
			if (Files.isRegularFile(candidate) && Files.exists(candidate.resolveSibling("sample-app"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("README.md of the project not found from " + Path.of("").toAbsolutePath());
	}

	/**
	 * One step: what the reader is told, the command, and what it prints.
	 *
	 * @param title the line above the command
	 * @param command the curl command as written
	 * @param curl the command, parsed
	 * @param output what the README says it prints (the body, then {@code HTTP <status>})
	 */
	record Step(String title, String command, Curl curl, String output) {

		/**
		 * The status the README shows.
		 * @return the status code
		 */
		int status() {
			String last = this.output.lines().reduce((first, second) -> second).orElse("");
			if (!last.startsWith("HTTP ")) {
				throw new IllegalStateException("Step '" + this.title + "' does not end with 'HTTP <status>'");
			}
			return Integer.parseInt(last.substring(5).trim());
		}

		@Override
		public String toString() {
			return this.title;
		}

	}

	/**
	 * The subset of curl the walkthroughs use: {@code -s}, {@code -w}, {@code -u},
	 * {@code -X}, {@code -H}, {@code -d}, {@code -L} (follow redirects, credentials to
	 * the same host only), {@code -b}/{@code -c} (a cookie jar) and a URL.
	 *
	 * @param method the HTTP method
	 * @param url the URL as written (without scheme)
	 * @param user the user of {@code -u}, or {@code null}
	 * @param password the password of {@code -u}, or {@code null}
	 * @param headers the headers of {@code -H}
	 * @param body the body of {@code -d}, or {@code null}
	 * @param followRedirects whether {@code -L} was given
	 * @param cookieJar the file of {@code -b} and {@code -c}, or {@code null}
	 */
	record Curl(String method, String url, @Nullable String user, @Nullable String password,
			Map<String, String> headers, @Nullable String body, boolean followRedirects, @Nullable String cookieJar) {

		static Curl parse(String command) {
			Iterator<String> words = words(command).iterator();
			if (!words.hasNext() || !words.next().equals("curl")) {
				throw new IllegalArgumentException("not a curl command: " + command);
			}
			String method = null;
			String url = null;
			String user = null;
			String password = null;
			String body = null;
			boolean silent = false;
			boolean follow = false;
			String cookieJar = null;
			String writeOut = null;
			Map<String, String> headers = new LinkedHashMap<>();
			while (words.hasNext()) {
				String word = words.next();
				switch (word) {
					case "-s" -> silent = true;
					case "-L" -> follow = true;
					case "-b", "-c" -> {
						String jar = next(words, word);
						if (cookieJar != null && !cookieJar.equals(jar)) {
							throw new IllegalArgumentException("-b and -c name two files in: " + command);
						}
						cookieJar = jar;
					}
					case "-w" -> writeOut = next(words, word);
					case "-X" -> method = next(words, word);
					case "-d" -> body = next(words, word);
					case "-u" -> {
						String[] credentials = next(words, word).split(":", 2);
						user = credentials[0];
						password = (credentials.length > 1) ? credentials[1] : "";
					}
					case "-H" -> {
						String[] header = next(words, word).split(":", 2);
						headers.put(header[0].trim(), (header.length > 1) ? header[1].trim() : "");
					}
					default -> {
						if (word.startsWith("-") || url != null) {
							throw new IllegalArgumentException(
									"the test does not understand '" + word + "' in: " + command);
						}
						url = word;
					}
				}
			}
			if (!silent || !WRITE_OUT.equals(writeOut) || url == null) {
				throw new IllegalArgumentException(
						"each step must be 'curl -s -w '" + WRITE_OUT + "' ... URL', but was: " + command);
			}
			if (method == null) {
				method = (body != null) ? "POST" : "GET";
			}
			return new Curl(method, url, user, password, headers, body, follow, cookieJar);
		}

		private static String next(Iterator<String> words, String option) {
			if (!words.hasNext()) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return words.next();
		}

		// Shell words: '...' is literal, "..." honours \" and \\, a backslash-newline
		// joins lines
		private static List<String> words(String command) {
			List<String> words = new ArrayList<>();
			StringBuilder word = null;
			for (int i = 0; i < command.length(); i++) {
				char c = command.charAt(i);
				if (c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == '\n') {
					i++;
				}
				else if (Character.isWhitespace(c)) {
					if (word != null) {
						words.add(word.toString());
						word = null;
					}
				}
				else {
					word = (word != null) ? word : new StringBuilder();
					if (c == '\'') {
						int end = command.indexOf('\'', i + 1);
						if (end < 0) {
							throw new IllegalArgumentException("unbalanced ' in: " + command);
						}
						word.append(command, i + 1, end);
						i = end;
					}
					else if (c == '"') {
						for (i++; i < command.length() && command.charAt(i) != '"'; i++) {
							if (command.charAt(i) == '\\' && i + 1 < command.length()) {
								i++;
							}
							word.append(command.charAt(i));
						}
					}
					else {
						word.append(c);
					}
				}
			}
			if (word != null) {
				words.add(word.toString());
			}
			return words;
		}

	}

}
