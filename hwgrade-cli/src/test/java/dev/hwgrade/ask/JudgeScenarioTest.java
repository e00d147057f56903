package dev.hwgrade.ask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwgrade.cli.Cli;
import dev.hwgrade.cli.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade --judge} through the real command against a scripted judge on 127.0.0.1: the ways a
 * judge can go wrong, each a part of {@code src/test/resources/judge} whose question tells the
 * script how to reply ({@link ScriptedJudgeReplies}).
 */
@Timeout(300) // against a hang only
class JudgeScenarioTest {
  @TempDir Path tmp;

  private Path assignment(String name) throws IOException {
    return TestFiles.copyAssignment(Path.of("src/test/resources/judge"), tmp.resolve(name));
  }

  private static void models(Path dir, FakeProvider fake, String... names) throws IOException {
    StringBuilder sb = new StringBuilder("models:\n");
    for (String n : names) {
      sb.append("  ")
          .append(n)
          .append(":\n    provider: openai-compatible\n    model: ")
          .append(n)
          .append("\n    base_url: ")
          .append(fake.baseUrl("openai"))
          .append("\n    price_input: 1.0\n    price_output: 2.0\n");
    }
    Files.writeString(dir.resolve("models.yaml"), sb.toString());
  }

  private static Map<String, JsonNode> parts(Path dir) throws IOException {
    JsonNode results =
        FakeProvider.JSON.readTree(dir.resolve("reports/model-x/results.json").toFile());
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode p : results.path("parts")) {
      out.put(p.path("id").asText(), p);
    }
    return out;
  }

  private static String verdict(Map<String, JsonNode> parts, String id) {
    return parts.get(id).path("verdict").asText();
  }

  private static String explanation(Map<String, JsonNode> parts, String id) {
    return parts.get(id).path("explanation").asText();
  }

  private static String evidence(Map<String, JsonNode> parts, String id) {
    return parts.get(id).path("evidence").toString();
  }

  private Cli.Run grade(Path dir, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("grade", dir.toString(), "--cache-dir", tmp.resolve("cache").toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void eachScriptedReplyGivesTheVerdictItsRuleAllows() throws Exception {
    Path dir = assignment("hw");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "judge");
      new ScriptedJudgeReplies(ScriptedJudgeReplies.Mode.BY_TAG).serveOn(fake, 200);
      Cli.Run run = grade(dir, "--judge", "judge", "--judge-all-review");
      assertThat(run.code()).as(run.err()).isZero();
      Map<String, JsonNode> parts = parts(dir);

      // Correct rubric replies: every point made on a quote the answer holds.
      assertThat(verdict(parts, "1.a")).isEqualTo("correct");
      assertThat(parts.get("1.a").path("grader").asText()).isEqualTo("judge");
      assertThat(explanation(parts, "1.a")).contains("makes 2 of 2 key points");

      // A fabricated quote does not make its point.
      assertThat(verdict(parts, "1.b")).isEqualTo("incorrect");
      assertThat(evidence(parts, "1.b"))
          .contains("quote not found in the answer")
          .contains(ScriptedJudgeReplies.FABRICATED);

      // An unparseable reply, then a good one: the retry is read.
      assertThat(verdict(parts, "1.c")).isEqualTo("correct");
      JsonNode retry = audit(dir, "1.c");
      assertThat(retry.path("calls")).hasSize(2);
      assertThat(retry.path("calls").path(0).path("problem").asText()).isNotEmpty();
      assertThat(retry.path("calls").path(1).path("request").path("user").asText())
          .contains("Your previous reply could not be read");

      // Two unparseable replies: needs_review, never incorrect.
      assertThat(verdict(parts, "1.d")).isEqualTo("needs_review");
      assertThat(explanation(parts, "1.d")).contains("the judge's reply could not be read");
      assertThat(audit(dir, "1.d").path("calls")).hasSize(2);

      // A judge that says everything is made, for an answer that talks to its grader.
      assertThat(verdict(parts, "1.e")).isEqualTo("needs_review");
      assertThat(explanation(parts, "1.e")).contains("tries to steer its grader");
      assertThat(audit(dir, "1.e").path("injectionFlags")).isNotEmpty();

      // The offline grader is confident the answer is right and the judge finds it wrong.
      assertThat(verdict(parts, "1.f")).isEqualTo("needs_review");
      assertThat(explanation(parts, "1.f"))
          .contains("disagree")
          .contains("the judge finds it incorrect")
          .contains("the offline grader finds it correct");

      // --judge-all-review: a number the numeric grader cannot read is judged on the key's answer,
      // the numeric grader's reason kept; a list of candidates stays incorrect, never judged.
      assertThat(verdict(parts, "2.a")).isEqualTo("correct");
      assertThat(evidence(parts, "2.a"))
          .contains("left for review by the numeric grader")
          .contains("gives no number");
      assertThat(verdict(parts, "2.b")).isEqualTo("incorrect");
      assertThat(parts.get("2.b").has("judgeAudit")).isFalse();
      assertThat(Files.exists(dir.resolve("reports/model-x/judge/2.b.json"))).isFalse();

      // The report names the judge, its cost and why parts went to review.
      JsonNode judge =
          FakeProvider.JSON
              .readTree(dir.resolve("reports/model-x/results.json").toFile())
              .path("judge");
      assertThat(judge.path("judges").toString()).contains("judge");
      assertThat(judge.path("partsJudged").asInt()).isEqualTo(7);
      assertThat(judge.path("sentToReview").path("disagreement").asInt()).isEqualTo(1);
      assertThat(judge.path("sentToReview").path("injection").asInt()).isEqualTo(1);
      assertThat(judge.path("sentToReview").path("unreadable").asInt()).isEqualTo(1);
      assertThat(judge.path("inputTokens").asLong()).isEqualTo(100L * fake.requests.get());
      assertThat(judge.path("costUsd").asDouble())
          .isCloseTo(fake.requests.get() * 140e-6, org.assertj.core.data.Offset.offset(1e-9));
      String md = Files.readString(dir.resolve("reports/model-x/report.md"));
      assertThat(md)
          .contains("## Judge")
          .contains("| Judge model(s) | judge |")
          .contains("[audit record](judge/1.a.json)")
          .contains("made: 'the gravitational restoring force");
      String html = Files.readString(dir.resolve("reports/model-x/report.html"));
      assertThat(html).contains("<h2>Judge</h2>").contains("href=\"judge/1.a.json\"");
    }
  }

  @Test
  void theAuditRecordHoldsThePromptTheRawReplyTheModelAndItsCost() throws Exception {
    Path dir = assignment("audit");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "judge");
      new ScriptedJudgeReplies(ScriptedJudgeReplies.Mode.BY_TAG).serveOn(fake, 200);
      assertThat(grade(dir, "--judge", "judge", "--quiet").code()).isZero();
      JsonNode a = audit(dir, "1.a");
      assertThat(a.path("partId").asText()).isEqualTo("1.a");
      assertThat(a.path("templateHash").asText())
          .isEqualTo(dev.hwgrade.grade.judge.JudgePrompt.TEMPLATE_HASH);
      assertThat(a.path("judges").toString()).contains("judge");
      JsonNode params = a.path("parameters").path("judge");
      assertThat(params.path("model").asText()).isEqualTo("judge");
      assertThat(params.path("base_url").asText()).startsWith("http://127.0.0.1:");
      // one vote, no temperature in models.yaml: the judge is asked at temperature 0
      assertThat(params.path("temperature").asDouble()).isEqualTo(0.0);
      JsonNode call = a.path("calls").path(0);
      String system = call.path("request").path("system").asText();
      String user = call.path("request").path("user").asText();
      assertThat(system).contains("untrusted data").contains(a.path("nonce").asText());
      assertThat(user)
          .contains("does not depend on the mass of the bob")
          .contains("the mass cancels between the force and the inertia")
          .contains("<answer-" + a.path("nonce").asText() + ">")
          .contains("Gravity pulls on the bob");
      assertThat(call.path("reply").asText()).contains("\"decision\":\"made\"");
      assertThat(call.path("inputTokens").asLong()).isEqualTo(100);
      assertThat(call.path("outputTokens").asLong()).isEqualTo(20);
      assertThat(call.has("latencyMillis")).isTrue();
      assertThat(call.path("costUsd").asDouble()).isCloseTo(140e-6, within());
      assertThat(a.path("costUsd").asDouble()).isCloseTo(140e-6, within());
      assertThat(a.path("verdict").asText()).isEqualTo("correct");
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }

  @Test
  void threeSplitVotesLeaveThePartForReview() throws Exception {
    Path dir = assignment("split");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "judge");
      new ScriptedJudgeReplies(ScriptedJudgeReplies.Mode.SPLIT).serveOn(fake, 200);
      Cli.Run run = grade(dir, "--judge", "judge", "--judge-votes", "3", "--quiet");
      assertThat(run.code()).as(run.err()).isZero();
      Map<String, JsonNode> parts = parts(dir);
      assertThat(verdict(parts, "1.a")).isEqualTo("needs_review");
      assertThat(explanation(parts, "1.a")).contains("no majority");
      assertThat(audit(dir, "1.a").path("calls")).hasSize(3);
      assertThat(audit(dir, "1.a").path("votesPerJudge").asInt()).isEqualTo(3);
      assertThat(audit(dir, "1.a").path("parameters").path("judge").path("temperature").asDouble())
          .isEqualTo(0.7);
    }
  }

  @Test
  void twoJudgesThatDisagreeLeaveThePartForReview() throws Exception {
    Path dir = assignment("two");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "judge-a", "judge-b");
      new ScriptedJudgeReplies(ScriptedJudgeReplies.Mode.BY_MODEL).serveOn(fake, 200);
      Cli.Run run = grade(dir, "--judge", "judge-a", "--judge", "judge-b", "--quiet");
      assertThat(run.code()).as(run.err()).isZero();
      Map<String, JsonNode> parts = parts(dir);
      assertThat(verdict(parts, "1.a")).isEqualTo("needs_review");
      assertThat(explanation(parts, "1.a")).contains("no majority");
      assertThat(audit(dir, "1.a").path("judges").toString())
          .contains("judge-a")
          .contains("judge-b");
    }
  }

  @Test
  void aSecondIdenticalRunAsksNothingAndNoCacheAsksAgain() throws Exception {
    Path dir = assignment("cache");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "judge");
      new ScriptedJudgeReplies(ScriptedJudgeReplies.Mode.BY_TAG).serveOn(fake, 400);
      Cli.Run first = grade(dir, "--judge", "judge", "--judge-all-review");
      assertThat(first.code()).as(first.err()).isZero();
      int asked = fake.requests.get();
      assertThat(asked).isPositive();
      String results = verdicts(dir);

      Cli.Run second = grade(dir, "--judge", "judge", "--judge-all-review");
      assertThat(second.code()).as(second.err()).isZero();
      assertThat(fake.requests.get()).isEqualTo(asked);
      assertThat(second.out()).contains("judge: 0 requests, " + asked + " replies from the cache");
      assertThat(verdicts(dir)).isEqualTo(results);
      assertThat(Files.readString(dir.resolve("reports/model-x/report.md")))
          .contains("answered from the reply cache");

      Cli.Run third = grade(dir, "--judge", "judge", "--judge-all-review", "--no-cache");
      assertThat(third.code()).as(third.err()).isZero();
      assertThat(fake.requests.get()).isEqualTo(2 * asked);
      assertThat(verdicts(dir)).isEqualTo(results);
    }
  }

  @Test
  void verifyJudgesTextLines() throws Exception {
    Path dir = assignment("verify");
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      models(dir, fake, "judge");
      new ScriptedJudgeReplies(ScriptedJudgeReplies.Mode.BY_TAG).serveOn(fake, 50);
      String lines =
          "{\"id\":\"t1\",\"kind\":\"text\",\"question\":\"Why does ice float? [rubric]\","
              + "\"key\":\"Ice is less dense than water.\","
              + "\"key_points\":[{\"text\":\"ice is less dense than water\",\"required\":true}],"
              + "\"response\":\"Because ice is less dense than liquid water.\"}\n"
              + "{\"id\":\"t2\",\"kind\":\"text\",\"question\":\"Why does ice float? [garbled]\","
              + "\"key\":\"Ice is less dense than water.\","
              + "\"response\":\"Because ice is less dense than liquid water.\"}\n"
              + "{\"id\":\"n1\",\"kind\":\"numeric\",\"key\":\"5 m/s\",\"response\":\"5 m/s\"}\n";
      Cli.Run run =
          Cli.withInput(
              lines,
              "verify",
              "--judge",
              "judge",
              "--models",
              dir.resolve("models.yaml").toString(),
              "--no-cache");
      assertThat(run.code()).as(run.err()).isZero();
      String[] out = run.out().strip().split("\n");
      assertThat(out).hasSize(3);
      JsonNode t1 = FakeProvider.JSON.readTree(out[0]);
      JsonNode t2 = FakeProvider.JSON.readTree(out[1]);
      JsonNode n1 = FakeProvider.JSON.readTree(out[2]);
      assertThat(t1.path("grader").asText()).isEqualTo("judge");
      assertThat(t1.path("verdict").asText()).isEqualTo("correct");
      assertThat(t2.path("verdict").asText()).isEqualTo("needs_review");
      assertThat(t2.path("explanation").asText()).contains("could not be read");
      assertThat(n1.path("verdict").asText()).isEqualTo("correct");
      assertThat(fake.requests.get()).isEqualTo(3); // one for t1, two for t2, none for n1
    }
  }

  @Test
  void theJudgeFlagsNeedAJudge() {
    Cli.Run run = Cli.run("grade", "src/test/resources/judge", "--judge-all-review");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--judge-all-review needs --judge");
  }

  private static JsonNode audit(Path dir, String part) throws IOException {
    return FakeProvider.JSON.readTree(
        dir.resolve("reports/model-x/judge/" + part + ".json").toFile());
  }

  private static String verdicts(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    parts(dir).forEach((id, p) -> sb.append(id).append('=').append(p.path("verdict")).append(' '));
    return sb.toString();
  }
}
