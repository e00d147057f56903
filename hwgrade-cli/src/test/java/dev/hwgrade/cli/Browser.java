package dev.hwgrade.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Chromium for the browser tests, through Selenium and Debian's {@code chromium} and
 * {@code chromium-driver}. Without them the tests are skipped, unless {@code
 * HWGRADE_BROWSER_TESTS=required} (as {@code .ci/run} sets), when they fail instead.
 */
final class Browser {
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  /**
   * Selenium warns that it has no DevTools binding for this Chromium's version; the tests use
   * WebDriver only. Held here so the setting is not collected with the logger.
   */
  private static final java.util.logging.Logger DEVTOOLS_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

  private Browser() {}

  /** Starts the browser, or skips (or fails) the calling tests when it is not installed. */
  static ChromeDriver start() {
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
    Optional<Path> chromium = onPath("chromium");
    Optional<Path> driver = onPath("chromedriver");
    if (chromium.isEmpty() || driver.isEmpty()) {
      String why =
          "browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium"
              + " chromium-driver); missing: "
              + (chromium.isEmpty() ? "chromium " : "")
              + (driver.isEmpty() ? "chromedriver" : "");
      if ("required".equals(System.getenv("HWGRADE_BROWSER_TESTS"))) {
        Assertions.fail(why + " (HWGRADE_BROWSER_TESTS=required)");
      }
      Assumptions.abort(why);
    }
    ChromeOptions o = new ChromeOptions();
    o.setBinary(chromium.get().toFile());
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1100,1400",
        "--hide-scrollbars");
    o.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(driver.get().toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return d;
  }

  /**
   * The element once the page shows it: a form submitted by a click or a key loads the next page
   * asynchronously, so an element of that page may not be there yet when the click returns.
   */
  static org.openqa.selenium.WebElement await(ChromeDriver d, org.openqa.selenium.By by) {
    return new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(15))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(by));
  }

  /** The element once the page shows it with this text in it (see {@link #await}). */
  static org.openqa.selenium.WebElement awaitText(
      ChromeDriver d, org.openqa.selenium.By by, String text) {
    new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                by, text));
    return d.findElement(by);
  }

  /** Waits until MathJax has typeset the page; returns the number of typeset formulas. */
  static long typeset(ChromeDriver d) {
    Object n =
        ((JavascriptExecutor) d)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const go = () => window.MathJax && MathJax.startup && MathJax.startup.promise"
                    + " ? MathJax.startup.promise.then(() =>"
                    + " done(document.querySelectorAll('mjx-container').length),"
                    + " e => done(-1)) : setTimeout(go, 50);"
                    + "go();");
    return ((Number) n).longValue();
  }

  /** The page's console messages at error level since the last call. */
  static List<String> consoleErrors(ChromeDriver d) {
    return d.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  static Path screenshot(ChromeDriver d, String name) throws java.io.IOException {
    Files.createDirectories(SCREENSHOTS);
    Path to = SCREENSHOTS.resolve(name + ".png");
    Files.write(to, d.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    return to;
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(p -> Path.of(p, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
