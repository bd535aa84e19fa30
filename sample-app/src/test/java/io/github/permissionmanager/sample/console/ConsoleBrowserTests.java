package io.github.permissionmanager.sample.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The console in a real browser (Debian's headless Chromium through its ChromeDriver)
 * against the sample on a random port: admin signs in, grants dave co-organizer of event
 * 2, finds it on dave's page and in "who can" for event 2, explains dave's now-allowed
 * session edit, revokes it, finds both changes in the audit trail and every guarded
 * method on the Rules page. Screenshots of each page are written to
 * {@code target/console-screenshots}. Without Chromium the test is skipped with the
 * reason printed, and fails under {@code CI=true}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:console-browser;DB_CLOSE_DELAY=-1")
class ConsoleBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private static WebDriver browser;

	private static Path profile;

	@LocalServerPort
	private int port;

	@Autowired
	private PermissionGrants grants;

	@BeforeAll
	static void startBrowser() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String reason = "Chromium or its driver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
					+ "): apt-get install -y chromium chromium-driver";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(reason);
			}
			System.out.println("ConsoleBrowserTests skipped: " + reason);
			abort(reason);
		}
		profile = Files.createTempDirectory("console-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1100");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			org.springframework.util.FileSystemUtils.deleteRecursively(profile);
		}
	}

	@Test
	void adminGrantsFindsExplainsRevokesAndAuditsDavesCoorganizerGrant() throws IOException {
		open("/grantees");
		assertThat(browser.getCurrentUrl()).endsWith("/permissions-console/login");
		screenshot("login");
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("admin", Keys.ENTER);
		waitFor(By.id("grant-form"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Grantees");

		// the first Tab reaches the skip link: the pages are usable from the keyboard
		browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");

		new Select(browser.findElement(By.id("grant-kind"))).selectByValue("user");
		browser.findElement(By.id("grant-name")).sendKeys("dave");
		browser.findElement(By.id("grant-permission")).sendKeys("coorganizer");
		browser.findElement(By.id("grant-type")).sendKeys("event");
		browser.findElement(By.id("grant-id")).sendKeys("2");
		screenshot("grantees");
		browser.findElement(By.cssSelector("#grant-form button[type=submit]")).click();
		waitFor(By.cssSelector("table.grants"));
		String davesPage = browser.findElement(By.id("main")).getText();
		assertThat(davesPage).contains("User dave", "Granted coorganizer on event:2 to user dave.", "coorganizer",
				"event:2", "session:*");
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).hasSize(1);
		screenshot("grantee");

		open("/resources");
		browser.findElement(By.id("wc-permission")).sendKeys("event:update");
		browser.findElement(By.id("wc-type")).sendKeys("event");
		browser.findElement(By.id("wc-id")).sendKeys("2");
		browser.findElement(By.cssSelector("#who-can-form button[type=submit]")).click();
		waitFor(By.id("who-can-answer"));
		assertThat(browser.findElement(By.id("who-can-users")).getText()).contains("dave", "erin")
			.doesNotContain("bob");
		screenshot("resources");

		open("/explain");
		browser.findElement(By.id("ex-user")).sendKeys("dave");
		browser.findElement(By.id("ex-permission")).sendKeys("session:update");
		browser.findElement(By.id("ex-type")).sendKeys("event");
		browser.findElement(By.id("ex-id")).sendKeys("2");
		browser.findElement(By.cssSelector("#explain-form button[type=submit]")).click();
		waitFor(By.id("decision"));
		String decision = browser.findElement(By.id("decision")).getText();
		assertThat(decision).contains("Decision: allowed", "coorganizer", "user dave", "event:2",
				"Only the organizers and co-organizers of this session's event can edit it.");
		screenshot("explain");

		open("/grantee?kind=user&name=dave");
		browser.findElement(By.cssSelector("button[aria-label='Revoke coorganizer on event:2']")).click();
		waitFor(By.cssSelector("p.notice"));
		assertThat(browser.findElement(By.id("main")).getText())
			.contains("Revoked coorganizer on event:2 to user dave.");
		assertThat(browser.findElements(By.cssSelector("table.grants"))).isEmpty();
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).isEmpty();

		open("/audit");
		browser.findElement(By.id("au-grantee")).sendKeys("dave");
		browser.findElement(By.cssSelector("#audit-form button[type=submit]")).click();
		// the unfiltered page had a table too: wait for the filtered one
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until((driver) -> String.valueOf(driver.getCurrentUrl()).contains("grantee=dave"));
		waitFor(By.id("audit-table"));
		List<String> rows = browser.findElements(By.cssSelector("#audit-table tbody tr"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).contains("admin", "REVOKE", "user dave", "coorganizer", "event:2");
		assertThat(rows.get(1)).contains("admin", "GRANT", "user dave", "coorganizer", "event:2");
		screenshot("audit");

		open("/rules");
		waitFor(By.id("rules-table"));
		String rules = browser.findElement(By.id("rules-table")).getText();
		assertThat(rules).contains("SessionController", "session:update", "PATCH",
				"Change the title, abstract and schedule of a session.", "permissions:admin");
		screenshot("rules");

		// readable at 320 px: nothing wider than the screen
		browser.manage().window().setSize(new Dimension(320, 900));
		open("/grantee?kind=user&name=alice");
		Object overflow = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		screenshot("narrow-320");
		assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
	}

	private void open(String page) {
		browser.get("http://127.0.0.1:" + this.port + "/permissions-console" + page);
	}

	private static WebElement waitFor(By element) {
		return new WebDriverWait(browser, Duration.ofSeconds(15))
			.until((driver) -> driver.findElements(element).stream().findFirst().orElse(null));
	}

	private static void screenshot(String name) throws IOException {
		File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
