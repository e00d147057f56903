package dev.hwgrade.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwgrade.load.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review app over real HTTP on 127.0.0.1, without a browser. */
class ReviewServerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC);

  @TempDir static Path shared;
  private static Path graded;

  @TempDir Path tmp;
  private Path dir;
  private ReviewServer server;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void grade() throws Exception {
    graded = Fixture.graded(shared.resolve("graded"));
  }

  @BeforeEach
  void start() throws Exception {
    dir = Fixture.copy(graded, tmp.resolve("a"));
    server = ReviewServer.start(new ReviewServer.Options(dir, List.of(), "alice", CLOCK, 0));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private String cookie() {
    return "hwgrade_review_" + server.port() + "=" + server.token();
  }

  private HttpResponse<String> get(String path, boolean withCookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    if (withCookie) {
      b.header("Cookie", cookie());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(Map<String, String> form, Map<String, String> headers)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + "/settle"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie())
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The settle form of a part page as the page gives it, with a verdict chosen. */
  private Map<String, String> settleForm(String model, String part, String verdict)
      throws Exception {
    String page = get("/part?model=" + model + "&part=" + part, true).body();
    Map<String, String> form = new LinkedHashMap<>();
    Matcher m =
        Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
            .matcher(page);
    while (m.find()) {
      form.put(m.group(1), m.group(2).replace("&amp;", "&"));
    }
    form.put("verdict", verdict);
    form.put("comment", "checked by hand");
    return form;
  }

  private Path reviews(String model) {
    return dir.resolve("reviews/" + model + ".yaml");
  }

  @Test
  void aPageWithoutTheSessionTokenIsRefused() throws Exception {
    HttpResponse<String> r = get("/", false);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("needs its token").doesNotContain("model-a");
    assertThat(get("/?token=wrong", false).statusCode()).isEqualTo(403);
  }

  @Test
  void thePrintedUrlSetsASameSiteCookieAndDropsTheTokenFromTheAddress() throws Exception {
    assertThat(server.url()).startsWith("http://127.0.0.1:" + server.port() + "/?token=");
    HttpResponse<String> r = get("/?token=" + server.token() + "&fmodel=model-a", false);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/?fmodel=model-a");
    assertThat(r.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith(cookie())
        .contains("HttpOnly")
        .contains("SameSite=Strict");
    HttpResponse<String> page = get("/?fmodel=model-a", true);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("0 of 1 settled")
        .contains("<strong>model-a</strong> (Model A, graded 20");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
  }

  @Test
  void itListensOnLoopbackOnly() {
    ServerConnector c = (ServerConnector) server.app().jettyServer().server().getConnectors()[0];
    assertThat(c.getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void aRequestAddressedToAnotherHostIsRefused() throws Exception {
    // A page of another site whose name was made to point at 127.0.0.1 (DNS rebinding) names
    // its own host in the Host header.
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET /?token="
                  + server.token()
                  + " HTTP/1.1\r\nHost: attacker.example:"
                  + server.port()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 403");
    }
  }

  @Test
  void theQueueListsPartsAwaitingReviewFirstThenDisagreementsThenTheRest() throws Exception {
    String page = get("/", true).body();
    Matcher m =
        Pattern.compile("<tr class=\"g-(\\w+)\" data-model=\"([^\"]+)\" data-part=\"([^\"]+)\"")
            .matcher(page);
    StringBuilder rows = new StringBuilder();
    while (m.find()) {
      rows.append(m.group(1))
          .append(' ')
          .append(m.group(2))
          .append(' ')
          .append(m.group(3))
          .append('\n');
    }
    // model-a's 1.a never says true or false: it awaits review. On 1.b and 1.c the models'
    // verdicts differ; model-b's 1.a is the only part left.
    assertThat(rows.toString())
        .isEqualTo(
            """
            awaiting model-a 1.a
            disagreement model-a 1.b
            disagreement model-b 1.b
            disagreement model-a 1.c
            disagreement model-b 1.c
            other model-b 1.a
            """);
    assertThat(get("/?fmodel=model-b&fverdict=incorrect", true).body())
        .contains("data-model=\"model-b\" data-part=\"1.b\"")
        .doesNotContain("data-model=\"model-a\"")
        .doesNotContain("data-part=\"1.a\"");
  }

  @Test
  void modelWrittenTextIsEscaped() throws Exception {
    String b = get("/part?model=model-a&part=1.b", true).body();
    assertThat(b)
        .contains("&lt;script&gt;window.xss = 1&lt;/script&gt;")
        .contains("&lt;img src=x onerror=")
        .doesNotContain("<script>window.xss")
        .doesNotContain("<img");
    // The math of the key and the question stays intact for MathJax.
    assertThat(b).contains("<span class=\"math\">$W_0 + AB = W_0$</span>");
    String c = get("/part?model=model-a&part=1.c", true).body();
    assertThat(c).contains("&lt;img src=x onerror=").doesNotContain("<img");
  }

  @Test
  void aSettleIsSavedAtOnceAndShownAsSettled() throws Exception {
    HttpResponse<String> r = post(settleForm("model-a", "1.a", "correct"), Map.of());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("&saved=1");
    assertThat(Files.readString(reviews("model-a")))
        .contains("\"1.a\":")
        .contains("verdict: \"correct\"")
        .contains("reviewer: \"alice\"")
        .contains("comment: \"checked by hand\"");
    assertThat(get("/", true).body()).contains("1 of 1 settled");
    assertThat(get("/part?model=model-a&part=1.a&saved=1", true).body())
        .contains("settled — applies at the next grade")
        .contains("Saved: 1.a settled as correct");
  }

  @Test
  void aPartialScoreIsRequiredAndChecked() throws Exception {
    Map<String, String> form = settleForm("model-a", "1.a", "partially_correct");
    form.put("score", "1.5");
    HttpResponse<String> r = post(form, Map.of());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("score");
    form.put("score", "0.4");
    assertThat(post(form, Map.of()).statusCode()).isEqualTo(303);
    assertThat(Files.readString(reviews("model-a"))).contains("score: 0.4");
  }

  @Test
  void aChangeWithoutTheTokenIsRefusedAndNothingIsWritten() throws Exception {
    Map<String, String> form = settleForm("model-a", "1.a", "correct");
    form.remove(Guard.FIELD);
    // The cookie alone is what a cross-site form would carry; it is not enough.
    HttpResponse<String> r = post(form, Map.of());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("did not carry this review session");
    form.put(Guard.FIELD, "not-the-token");
    assertThat(post(form, Map.of()).statusCode()).isEqualTo(403);
    assertThat(reviews("model-a")).doesNotExist();
  }

  @Test
  void aChangeSentFromAnotherSiteIsRefused() throws Exception {
    Map<String, String> form = settleForm("model-a", "1.a", "correct");
    assertThat(post(form, Map.of("Origin", "http://attacker.example")).statusCode()).isEqualTo(403);
    assertThat(post(form, Map.of("Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
    assertThat(reviews("model-a")).doesNotExist();
    assertThat(
            post(
                    form,
                    Map.of(
                        "Origin",
                        "http://127.0.0.1:" + server.port(),
                        "Sec-Fetch-Site",
                        "same-origin"))
                .statusCode())
        .isEqualTo(303);
  }

  @Test
  void aConcurrentChangeIsRefusedWithAMessageNotLost() throws Exception {
    Map<String, String> mine = settleForm("model-a", "1.a", "incorrect");
    Map<String, String> theirs = settleForm("model-a", "1.a", "correct");
    assertThat(post(theirs, Map.of()).statusCode()).isEqualTo(303);
    HttpResponse<String> r = post(mine, Map.of());
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("changed since it was read").contains("was not saved");
    String file = Files.readString(reviews("model-a"));
    assertThat(file).contains("verdict: \"correct\"").doesNotContain("verdict: \"incorrect\"");
  }

  @Test
  void aTakenPortIsAClearError() {
    assertThatThrownBy(
            () ->
                ReviewServer.start(
                    new ReviewServer.Options(dir, List.of(), "bob", CLOCK, server.port())))
        .isInstanceOf(PortInUseException.class)
        .hasMessageContaining("port " + server.port() + " is already in use");
  }

  @Test
  void anInvalidFolderIsRefusedWithLocatedProblems() throws IOException {
    Files.writeString(
        dir.resolve("assignment.yaml"), "id: x\nproblems:\n  - id: \"1\"\n    parts: 5\n");
    assertThatThrownBy(
            () -> ReviewServer.start(new ReviewServer.Options(dir, List.of(), "bob", CLOCK, 0)))
        .isInstanceOf(InputException.class);
  }

  @Test
  void aModelNotGradedYetIsNamedOnTheQueue() throws Exception {
    Files.delete(dir.resolve("reports/model-b/results.json"));
    assertThat(get("/", true).body())
        .contains("model-b: no stored results for model &#39;model-b&#39;")
        .contains("run `hwgrade grade");
  }
}
