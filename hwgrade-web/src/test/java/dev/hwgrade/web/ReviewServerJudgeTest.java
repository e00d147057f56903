package dev.hwgrade.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A part graded by the judge on the review page: its evidence shown escaped, and a link to its
 * audit record, which the app serves as JSON under its own headers and only for its models.
 */
class ReviewServerJudgeTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private ReviewServer server;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() throws Exception {
    Path dir = Fixture.graded(tmp.resolve("graded"));
    Path results = dir.resolve("reports/model-a/results.json");
    ObjectNode root = (ObjectNode) JSON.readTree(results.toFile());
    for (var p : root.path("parts")) {
      if (p.path("id").asText().equals("1.a")) {
        ArrayNode ev = ((ObjectNode) p).putArray("evidence");
        ev.add("judge: fake-judge, prompt template 0123456789ab");
        ev.add("made: 'the rank is at most 2' — \"<script>window.xss = 9</script>\"");
      }
    }
    Files.writeString(results, JSON.writeValueAsString(root));
    Files.createDirectories(dir.resolve("reports/model-a/judge"));
    Files.writeString(
        dir.resolve("reports/model-a/judge/1.a.json"),
        "{\"partId\":\"1.a\",\"calls\":[{\"reply\":\"<b>raw</b>\"}]}\n");
    server = ReviewServer.start(new ReviewServer.Options(dir, List.of(), "alice", CLOCK, 0));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path, boolean withCookie) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (withCookie) {
      b.header("Cookie", "hwgrade_review_" + server.port() + "=" + server.token());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aJudgedPartShowsItsEvidenceEscapedAndLinksItsAuditRecord() throws Exception {
    String page = get("/part?model=model-a&part=1.a", true).body();
    assertThat(page)
        .contains("judge: fake-judge, prompt template 0123456789ab")
        .contains("&lt;script&gt;window.xss = 9&lt;/script&gt;")
        .doesNotContain("<script>window.xss = 9")
        .contains("id=\"judge-audit\" href=\"/judge?model=model-a&amp;part=1.a\"");
    assertThat(get("/part?model=model-a&part=1.c", true).body()).doesNotContain("judge-audit");

    HttpResponse<String> audit = get("/judge?model=model-a&part=1.a", true);
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(audit.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(audit.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
    assertThat(audit.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(JSON.readTree(audit.body()).path("partId").asText()).isEqualTo("1.a");
  }

  @Test
  void theAuditRecordIsServedOnlyToTheSessionAndOnlyForItsModelsAndParts() throws Exception {
    assertThat(get("/judge?model=model-a&part=1.a", false).statusCode()).isEqualTo(403);
    assertThat(get("/judge?model=nobody&part=1.a", true).statusCode()).isEqualTo(404);
    assertThat(get("/judge?model=model-a&part=1.b", true).statusCode()).isEqualTo(404);
    assertThat(get("/judge?model=model-a&part=..%2F..%2Fresults", true).statusCode())
        .isEqualTo(404);
    assertThat(get("/judge?model=..&part=1.a", true).statusCode()).isEqualTo(404);
  }
}
