package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwgrade.web.ReviewServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * report.html and {@code hwgrade review} in real, headless Chromium: math typeset by MathJax,
 * charts drawn, no console errors, script in a model's answer inert, and a part settled in the
 * review app by keyboard and by mouse, kept, applied by the next {@code grade} and shown stale once
 * the answer changes. One browser for all; screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
  @TempDir Path tmp;
  private ChromeDriver driver;

  @BeforeAll
  void open() {
    driver = Browser.start();
  }

  @AfterAll
  void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  private Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private Path graded(String example) throws IOException {
    Path dir = TestFiles.copyAssignment(Path.of("../examples", example), tmp.resolve(example));
    Cli.Run g = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(g.code()).as(g.err()).isEqualTo(Main.OK);
    return dir;
  }

  private void assertNoAlert() {
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void theExamplesReportsTypesetTheirMathDrawTheirChartsAndLogNoErrors() throws IOException {
    java.util.Map<String, List<String>> examples = new java.util.LinkedHashMap<>();
    examples.put("eecs182-hw11", List.of("reference-llm"));
    examples.put("networks-pset2", List.of("model-a", "model-b"));
    examples.put("physics-linalg", List.of("model-a", "model-b"));
    for (String example : examples.keySet()) {
      Path reports = graded(example).resolve("reports");
      for (String model : examples.get(example)) {
        Browser.consoleErrors(driver); // start from a clean log
        driver.get(reports.resolve(model + "/report.html").toUri().toString());
        String where = example + "/" + model;
        assertThat(Browser.typeset(driver)).as(where + ": typeset formulas").isPositive();
        List<WebElement> answers = driver.findElements(By.cssSelector("div.answer"));
        assertThat(answers).as(where).isNotEmpty();
        for (WebElement a : answers) {
          assertThat(a.getText()).as(where + ": a rendered answer").doesNotContain("\\frac");
        }
        assertThat(driver.findElements(By.cssSelector("svg.chart")))
            .as(where)
            .hasSizeGreaterThan(2);
        assertThat(Browser.consoleErrors(driver)).as(where + ": console errors").isEmpty();
        if (example.equals("physics-linalg") && model.equals("model-b")) {
          Browser.screenshot(driver, "report-html");
        }
      }
      driver.get(reports.resolve("index.html").toUri().toString());
      assertThat(driver.findElements(By.cssSelector("svg.chart"))).as(example).isNotEmpty();
      assertThat(Browser.consoleErrors(driver)).as(example + " index.html").isEmpty();
    }
  }

  private static final String ASKED_RESPONSE =
      """
      model: "fake-7b"
      ask:
        provider: "<img src=x onerror=\\"window.pwned = 9; alert(9)\\">"
        samples: 2
        price_input: 1.0
        price_output: 2.0
        totals: {replies: 3, input_tokens: 300, output_tokens: 60, cost_usd: 0.00042}
      answers:
        "1.a":
          reasoning: "Final answer: 2.5 m/s^2"
          usage: {input_tokens: 100, output_tokens: 20, latency_ms: 120, attempts: 2}
          samples:
            - reasoning: "Final answer: 7 m/s^2"
              usage: {input_tokens: 100, output_tokens: 20, latency_ms: 300, attempts: 1}
        "1.b":
          reasoning: "Final answer: 35.3 m"
          usage: {input_tokens: 100, output_tokens: 20, latency_ms: 200, attempts: 1}
      """;

  @Test
  void anAskedModelsReportShowsItsUsageAndSamplesAndTheirTextStaysInert() throws IOException {
    Path dir =
        TestFiles.copyAssignment(Path.of("../examples/physics-linalg"), tmp.resolve("asked"));
    Files.writeString(dir.resolve("responses/asked.yaml"), ASKED_RESPONSE);
    Cli.Run g = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(g.code()).as(g.err()).isEqualTo(Main.OK);
    Browser.consoleErrors(driver);
    driver.get(dir.resolve("reports/asked/report.html").toUri().toString());
    WebElement usage = driver.findElement(By.id("usage"));
    assertThat(usage.findElement(By.tagName("h2")).getText()).isEqualTo("Usage and cost");
    assertThat(usage.findElements(By.cssSelector("tr")))
        .extracting(WebElement::getText)
        .contains("Replies 3", "Cost $0.0004", "Mean latency 207 ms", "Retries 1");
    WebElement samples = driver.findElement(By.id("samples"));
    // one row per part of the assignment, 1(a) asked twice and correct once
    assertThat(samples.findElements(By.cssSelector("tbody tr")))
        .hasSize(driver.findElements(By.cssSelector("section.problem .part")).size());
    assertThat(samples.findElement(By.cssSelector("tbody tr")).getText())
        .isEqualTo("1(a) 2 1 50% none (a tie)");
    assertNoAlert();
    assertThat(js("return typeof window.pwned")).isEqualTo("undefined");
    assertThat(usage.getText()).contains("<img src=x");
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  private static final String XSS_ASSIGNMENT =
      """
      id: xss
      title: "Hostile answers"
      problems:
        - id: "1"
          parts:
            - id: a
              question: "True or false: $1 + 1 = 2$."
              key: {kind: boolean, answer: "true"}
            - id: b
              question: "Pick one."
              key: {kind: choice, answer: B, options: {A: "a", B: "b"}}
      """;

  private static final String XSS_RESPONSE =
      """
      model: "Hostile <b>model</b>"
      answers:
        "1.a":
          reasoning: "<script>window.pwned = 1; alert(1)</script> Counting: $\\\\frac{2}{1}$. <img src=x onerror=\\"window.pwned = 2; alert(2)\\"> [link](javascript:alert(3)) $\\\\href{javascript:alert(4)}{x}$"
          answer: "**True** <img src=x onerror=\\"window.pwned = 5; alert(5)\\">"
        "1.b":
          reasoning: "<iframe src=\\"javascript:alert(6)\\"></iframe><svg onload=\\"alert(7)\\"></svg>"
          answer: "(B) <script>alert(8)</script>"
      """;

  private void assertInert(String where) {
    assertNoAlert();
    assertThat(js("return typeof window.pwned")).as(where).isEqualTo("undefined");
    assertThat(driver.findElements(By.cssSelector("img[src='x'], iframe, svg[onload]")))
        .as(where + ": injected elements")
        .isEmpty();
    assertThat(js("return [...document.scripts].filter(s => /alert|pwned/.test(s.text)).length"))
        .as(where + ": injected scripts")
        .isEqualTo(0L);
    assertThat(driver.findElement(By.tagName("body")).getText())
        .as(where + ": the payload shows as text")
        .contains("<script>window.pwned = 1; alert(1)</script>");
  }

  @Test
  void scriptInAModelsAnswerStaysInertInTheReportAndTheReviewApp() throws Exception {
    Path dir = tmp.resolve("xss");
    Files.createDirectories(dir.resolve("responses"));
    Files.writeString(dir.resolve("assignment.yaml"), XSS_ASSIGNMENT);
    Files.writeString(dir.resolve("responses/m.yaml"), XSS_RESPONSE);
    Cli.Run g = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(g.code()).as(g.err()).isEqualTo(Main.OK);

    driver.get(dir.resolve("reports/m/report.html").toUri().toString());
    Browser.typeset(driver);
    js("document.querySelectorAll('details').forEach(d => d.open = true)");
    assertInert("report.html");
    driver.findElements(By.tagName("a")).stream()
        .map(a -> a.getAttribute("href"))
        .forEach(href -> assertThat(href == null ? "" : href).doesNotStartWith("javascript:"));

    try (ReviewServer server =
        ReviewServer.start(
            new ReviewServer.Options(dir, List.of(), "alice", Clock.systemUTC(), 0))) {
      driver.get(server.url());
      assertNoAlert();
      driver.get("http://127.0.0.1:" + server.port() + "/part?model=m&part=1.a");
      Browser.typeset(driver);
      assertInert("review page");
      assertThat(Browser.consoleErrors(driver)).isEmpty();
    }
  }

  private double score(Path dir) throws IOException {
    return new ObjectMapper()
        .readTree(dir.resolve("reports/model-a/results.json").toFile())
        .at("/summary/score")
        .asDouble();
  }

  @Test
  void aPartSettledInTheReviewAppIsKeptAppliedByGradeAndStaleOnceTheAnswerChanges()
      throws Exception {
    Path dir =
        TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    Path response = dir.resolve("responses/model-a.yaml");
    // 1.a answered without saying true or false: the graders leave it to a person, who reads it
    // as "true" (correct).
    Files.writeString(
        response,
        Files.readString(response)
            .replace("answer: \"**True**\"", "answer: \"The rank of AB cannot exceed 2.\""));
    assertThat(Cli.run("grade", dir.toString(), "--quiet").code()).isEqualTo(Main.OK);
    assertThat(score(dir)).isEqualTo(0.5); // 1.b correct, 1.c unanswered; 1.a awaits review
    Path report = dir.resolve("reports/model-a/report.html");

    try (ReviewServer server =
        ReviewServer.start(
            new ReviewServer.Options(dir, List.of(), "alice", Clock.systemUTC(), 0))) {
      driver.get(server.url());
      assertThat(driver.findElement(By.id("progress")).getText()).contains("0 of 1 settled");
      List<WebElement> rows = driver.findElements(By.cssSelector("#queue tbody tr"));
      assertThat(rows.get(0).getAttribute("data-part")).isEqualTo("1.a");
      assertThat(rows.get(0).getText()).contains("needs review").contains("awaits review");

      // By keyboard: n opens the first part to settle, c settles it as correct.
      driver.findElement(By.tagName("body")).sendKeys("n");
      Browser.awaitText(driver, By.tagName("h1"), "model-a · 1(a)");
      Browser.typeset(driver);
      Browser.screenshot(driver, "review-part");
      driver.findElement(By.tagName("body")).sendKeys("c");
      assertThat(Browser.await(driver, By.id("saved")).getText())
          .contains("1.a settled as correct (score 1) by alice");

      // By mouse: 1.c, "I don't know.", confirmed as unanswered with a comment.
      driver.findElement(By.id("next")).click();
      driver.findElement(By.id("next")).click();
      Browser.awaitText(driver, By.tagName("h1"), "1(c)");
      driver.findElement(By.id("comment")).sendKeys("says it does not know");
      driver.findElement(By.id("settle-unanswered")).click();
      assertThat(Browser.await(driver, By.id("saved")).getText())
          .contains("1.c settled as unanswered");

      // Reloaded, both are kept.
      driver.get("http://127.0.0.1:" + server.port() + "/");
      driver.navigate().refresh();
      assertThat(driver.findElement(By.id("progress")).getText()).contains("2 of 2 settled");
      assertThat(row("1.a").getText()).contains("settled — applies at the next grade");
      assertThat(row("1.c").getText()).contains("settled — applies at the next grade");
      Browser.screenshot(driver, "review-queue");
      assertThat(Files.readString(dir.resolve("reviews/model-a.yaml")))
          .contains("verdict: \"correct\"")
          .contains("comment: \"says it does not know\"");

      // grade again: the report and the score follow the reviews.
      String before = Files.readString(report);
      assertThat(Cli.run("grade", dir.toString(), "--quiet").code()).isEqualTo(Main.OK);
      assertThat(score(dir)).isEqualTo(0.6667);
      driver.get(report.toUri().toString());
      assertThat(before).contains("1 awaits review");
      assertThat(driver.findElement(By.cssSelector("strong.score")).getText())
          .startsWith("66.7%")
          .doesNotContain("await");
      assertThat(driver.findElement(By.id("part-1.a")).getText())
          .contains("reviewed by alice")
          .contains("1 / 1 points");
      driver.get("http://127.0.0.1:" + server.port() + "/");
      assertThat(row("1.a").getText()).contains("correct").contains("reviewed");

      // The answer changes: the review is stale, in the report and in the app.
      Files.writeString(
          response,
          Files.readString(response)
              .replace("The rank of AB cannot exceed 2.", "The rank of AB is at most 2, always."));
      assertThat(Cli.run("grade", dir.toString(), "--quiet").code()).isEqualTo(Main.OK);
      driver.get(report.toUri().toString());
      assertThat(driver.findElement(By.cssSelector("#part-1\\.a .stale")).getText())
          .contains("Stale review")
          .contains("the answer has changed");
      driver.get("http://127.0.0.1:" + server.port() + "/");
      assertThat(row("1.a").getText()).contains("stale review").contains("awaits review");
      row("1.a").findElement(By.tagName("a")).click();
      assertThat(Browser.await(driver, By.id("stale")).getText())
          .contains("Stale review.")
          .contains("the answer has changed since alice settled it as correct");
      assertThat(Browser.consoleErrors(driver)).isEmpty();
    }
  }

  private WebElement row(String part) {
    return driver.findElement(
        By.cssSelector("#queue tr[data-model='model-a'][data-part='" + part + "']"));
  }
}
