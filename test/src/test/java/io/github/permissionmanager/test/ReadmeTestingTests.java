package io.github.permissionmanager.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Testing section is what this module's tests run: its dependencies are the
 * ones this module's tests use, and its code blocks are, token for token, the fresh
 * application's controller and its slice test ({@code readme/}), which run with the
 * build.
 */
class ReadmeTestingTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path README_SOURCES = Path.of("src", "test", "java", "io", "github", "permissionmanager",
			"test", "readme");

	@Test
	void javaBlocksAreTheControllerAndTheTestThatRun() throws IOException {
		List<String> blocks = blocks(section(), "java");
		assertThat(blocks).hasSize(2);
		assertThat(tokens(source("TaskController.java"))).contains(tokens(blocks.get(0)));
		assertThat(tokens(source("TaskControllerTests.java"))).contains(tokens(blocks.get(1)));
	}

	@Test
	void dependenciesAreTheOnesTheseTestsUse() throws IOException {
		List<String> blocks = blocks(section(), "xml");
		assertThat(blocks).hasSize(1);
		String pom = Files.readString(Path.of("pom.xml"));
		assertThat(pom).contains("<artifactId>permission-manager-spring-boot-test</artifactId>");
		assertThat(tokens(pom)).contains(tokens("""
				<groupId>org.springframework.boot</groupId>
				<artifactId>spring-boot-starter-security-test</artifactId>
				<scope>test</scope>"""));
		assertThat(blocks.get(0)).contains("<artifactId>spring-boot-starter-security-test</artifactId>")
			.contains("<artifactId>permission-manager-spring-boot-test</artifactId>");
	}

	private static String section() throws IOException {
		String readme = Files.readString(README);
		int start = readme.indexOf("\n## Testing\n");
		assertThat(start).as("a Testing section in README.md").isNotNegative();
		int end = readme.indexOf("\n## ", start + 1);
		return readme.substring(start, (end != -1) ? end : readme.length());
	}

	private static List<String> blocks(String section, String language) {
		List<String> blocks = new ArrayList<>();
		Matcher matcher = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(section);
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		return blocks;
	}

	private static String source(String name) throws IOException {
		return Files.readString(README_SOURCES.resolve(name));
	}

	// the formatter and the README indent and wrap differently; the code is the same
	private static String tokens(String code) {
		return code.replaceAll("\\s+", "");
	}

}
