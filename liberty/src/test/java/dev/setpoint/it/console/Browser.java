package dev.setpoint.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class, driven through Debian's {@code chromedriver} (never a
 * driver Selenium Manager would download): where the console is, waits on DOM state, axe-core's
 * check of the current screen, and screenshots. {@link #start()} skips the test, with the reason,
 * when no browser is installed.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM =
      Path.of(System.getProperty("setpoint.it.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("setpoint.it.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int WIDTH = 1400;
  private static final int HEIGHT = 1000;

  private final ChromeDriver driver;
  private final String baseUrl;

  private Browser(ChromeDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /**
   * A browser on the server under test; skips the calling test (a JUnit assumption, reported as
   * skipped with the reason) when Chromium or chromedriver is missing.
   */
  public static Browser start() {
    return start(TestServer.baseUrl());
  }

  /** A browser on the server at {@code baseUrl}. */
  public static Browser start(String baseUrl) {
    String missing =
        !Files.isExecutable(CHROMIUM)
            ? "no Chromium at " + CHROMIUM
            : !Files.isExecutable(CHROMEDRIVER) ? "no chromedriver at " + CHROMEDRIVER : null;
    if (missing != null) {
      String reason =
          "Console browser tests SKIPPED: "
              + missing
              + " (install Debian's chromium and chromium-driver, as .ci/run does, or point"
              + " -Dsetpoint.it.chromium / -Dsetpoint.it.chromedriver at them)";
      System.err.println(reason);
      Assumptions.abort(reason);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--metrics-recording-only",
        "--password-store=basic");
    options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false));
    // the browser's console, read by assertNoScriptErrors
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(
                SCREENSHOTS.resolve("chromedriver-" + TestServer.database() + ".log").toFile())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(driver, baseUrl);
  }

  public WebDriver driver() {
    return driver;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Loads the console afresh at {@code route} (e.g. {@code #/apps}): a full page load, never only a
   * change of the fragment.
   */
  public void load(String route) {
    driver.get("about:blank");
    driver.get(baseUrl + "/console/" + route);
  }

  /** Moves to {@code route} within the loaded console, as a link would. */
  public void go(String route) {
    script("location.hash = arguments[0];", route);
  }

  /** Ends the session cookie and any state of the previous test. */
  public void forgetSession() {
    driver.get(baseUrl + "/console/console.css");
    driver.manage().deleteAllCookies();
  }

  /** A wait on the DOM whose timeout message says where the browser was and what it logged. */
  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.withMessage(this::diagnosis);
    return wait;
  }

  private String diagnosis() {
    Object main = script("const m = document.getElementById('main'); return m ? m.innerText : '';");
    String shown = String.valueOf(main);
    List<String> logged =
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
            .map(org.openqa.selenium.logging.LogEntry::getMessage)
            .toList();
    return "at "
        + driver.getCurrentUrl()
        + ", showing: "
        + shown.substring(0, Math.min(shown.length(), 600)).replace('\n', '|')
        + "; browser console: "
        + logged;
  }

  /** The element, once it is visible. */
  public WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** The element with {@code data-test="name"}, once visible. */
  public WebElement test(String name) {
    return visible(byTest(name));
  }

  public static By byTest(String name) {
    return By.cssSelector("[data-test='" + name + "']");
  }

  /** Whether an element with {@code data-test="name"} is on the screen now. */
  public boolean present(String name) {
    return !driver.findElements(byTest(name)).isEmpty();
  }

  /** Waits until {@code name}'s text contains {@code text}. */
  public WebElement textIn(String name, String text) {
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTest(name), text));
    return driver.findElement(byTest(name));
  }

  /**
   * Waits until the screen has rendered (the shell is not busy) and its heading reads {@code h1}.
   */
  public void screen(String h1) {
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main h1"), h1));
    waiting()
        .until(
            d -> d.findElements(By.cssSelector("#main[aria-busy], #main [aria-busy]")).isEmpty());
  }

  /** Types into a field, replacing what it held. */
  public void type(String name, String text) {
    WebElement field = test(name);
    field.clear();
    field.sendKeys(text);
  }

  public void click(String name) {
    waiting().until(ExpectedConditions.elementToBeClickable(byTest(name))).click();
  }

  public Object script(String source, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(source, args);
  }

  public Object asyncScript(String source, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(source, args);
  }

  /**
   * Saves a screenshot of the whole current screen (up to 2400 pixels high) as {@code name.png},
   * one folder per database: the window grows to the page for the shot, then shrinks back.
   */
  public void screenshot(String name) {
    int height =
        ((Number) script("return Math.min(document.documentElement.scrollHeight, 2400);"))
            .intValue();
    driver.manage().window().setSize(new Dimension(WIDTH, Math.max(HEIGHT, height)));
    try {
      Path folder = Files.createDirectories(SCREENSHOTS.resolve(TestServer.database()));
      Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    }
  }

  /**
   * Checks the current screen: no script error or CSP violation since the last check, and no
   * serious or critical axe-core violation.
   */
  public void check(String screen) {
    assertNoScriptErrors(screen);
    assertAccessible(screen);
  }

  /**
   * Fails on any error the browser's console logged since the last check (an uncaught exception, a
   * refused script or style under the CSP), except the network log line of an API refusal that the
   * screen itself shows (a 401 before sign-in, a 403, a 422).
   */
  public void assertNoScriptErrors(String screen) {
    List<String> errors =
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .map(org.openqa.selenium.logging.LogEntry::getMessage)
            .filter(m -> !m.contains("Failed to load resource: the server responded with a status"))
            .toList();
    assertEquals(List.of(), errors, () -> "the browser's console on the " + screen + " screen");
  }

  /**
   * Runs axe-core (WCAG 2 A and AA rules and best practices) on the current screen and fails on any
   * serious or critical violation, naming the rule and the elements.
   */
  @SuppressWarnings("unchecked")
  public void assertAccessible(String screen) {
    if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
      script(axeSource());
    }
    Object outcome =
        asyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || '',"
                + " help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))))"
                + ".catch(e => done('axe failed: ' + e));");
    assertTrue(outcome instanceof List, () -> screen + ": " + outcome);
    List<Map<String, Object>> violations = (List<Map<String, Object>>) outcome;
    List<Map<String, Object>> severe =
        violations.stream()
            .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
            .toList();
    assertEquals(List.of(), severe, () -> "axe-core on the " + screen + " screen: " + severe);
  }

  /** axe.min.js from the axe-core WebJar, found through the version its Maven metadata names. */
  private static String axeSource() {
    String path = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
    return resource(path);
  }

  private static String axeVersion() {
    java.util.Properties pom = new java.util.Properties();
    try {
      pom.load(
          new java.io.StringReader(
              resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static String resource(String path) {
    try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Not on the test classpath: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
