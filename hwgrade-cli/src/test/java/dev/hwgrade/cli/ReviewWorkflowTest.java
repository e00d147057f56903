package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * grade → settle → grade through the real command line: a part the graders could not decide is
 * settled by a person, shown as reviewed everywhere, and stale once the answer changes.
 */
class ReviewWorkflowTest {
  @TempDir Path tmp;
  private Path dir;
  private Path response;

  @BeforeEach
  void copy() throws IOException {
    dir = TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    response = dir.resolve("responses/model-a.yaml");
    // 1.a answered without saying true or false: a TA reads it as "true" (correct); the
    // boolean grader cannot, and leaves it to a person.
    Files.writeString(
        response,
        Files.readString(response)
            .replace("answer: \"**True**\"", "answer: \"The rank of AB cannot exceed 2.\""));
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(dir.resolve("reports/model-a/results.json").toFile());
  }

  private String csvRow(String partId) throws IOException {
    return Files.readString(dir.resolve("reports/model-a/results.csv"))
        .lines()
        .filter(l -> l.startsWith(partId + ","))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSettledPartIsReviewedEverywhereAndItsScoreCounts() throws IOException {
    Cli.Run g1 = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(g1.code()).as(g1.err()).isZero();
    JsonNode before = json();
    assertThat(before.at("/parts/0/verdict").asText()).isEqualTo("needs_review");
    assertThat(before.at("/parts/0/score").isNull()).isTrue();
    assertThat(csvRow("1.a")).contains(",needs_review,,");
    // 1.b correct, 1.c unanswered: 50% of 2 decided parts, final between 33.3% and 66.7%.
    assertThat(before.at("/summary/score").asDouble()).isEqualTo(0.5);
    assertThat(before.at("/summary/decided").asInt()).isEqualTo(2);
    assertThat(before.at("/summary/awaitingReview").asInt()).isEqualTo(1);
    assertThat(before.at("/summary/scoreLower").asDouble()).isEqualTo(0.3333);
    assertThat(before.at("/summary/scoreUpper").asDouble()).isEqualTo(0.6667);
    assertThat(Files.readString(dir.resolve("reports/model-a/report.md")))
        .contains("50% of 2 decided parts; 1 awaits review; final score between 33.3% and 66.7%");

    Cli.Run pending = Cli.run("pending", dir.toString());
    assertThat(pending.code()).as(pending.err()).isZero();
    assertThat(pending.out()).startsWith("model-a\t1.a\t").hasLineCount(1);

    Cli.Run settle =
        Cli.run(
            "settle",
            dir.toString(),
            "--model",
            "model-a",
            "--part",
            "1.a",
            "--verdict",
            "correct",
            "--comment",
            "asserts the statement: rank at most 2",
            "--reviewer",
            "alice");
    assertThat(settle.code()).as(settle.err()).isZero();
    String reviews = Files.readString(dir.resolve("reviews/model-a.yaml"));
    assertThat(reviews)
        .contains("\"1.a\":")
        .contains("verdict: \"correct\"")
        .contains("reviewer: \"alice\"")
        .contains("at: \"2026-01-15T09:30:00Z\"")
        .contains("verdict: \"needs_review\"");

    Cli.Run g2 = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(g2.code()).as(g2.err()).isZero();
    JsonNode after = json();
    assertThat(after.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(after.at("/parts/0/verdict").asText()).isEqualTo("correct");
    assertThat(after.at("/parts/0/score").asDouble()).isEqualTo(1.0);
    assertThat(after.at("/parts/0/reviewed").asBoolean()).isTrue();
    assertThat(after.at("/parts/0/automaticVerdict").asText()).isEqualTo("needs_review");
    assertThat(after.at("/parts/0/review/reviewer").asText()).isEqualTo("alice");
    assertThat(after.at("/parts/0/review/comment").asText()).contains("rank at most 2");
    assertThat(after.at("/parts/1/reviewed").asBoolean()).isFalse();
    assertThat(after.at("/summary/score").asDouble()).isEqualTo(0.6667);
    assertThat(after.at("/summary/awaitingReview").asInt()).isZero();
    assertThat(after.at("/summary/scoreLower").asDouble()).isEqualTo(0.6667);
    assertThat(after.at("/summary/reviewed").asInt()).isEqualTo(1);
    assertThat(csvRow("1.a"))
        .contains(",correct,1.0,")
        .endsWith(",review,true,alice,asserts the statement: rank at most 2,false");
    assertThat(Files.readString(dir.resolve("reports/model-a/report.md")))
        .contains("## Settled by a reviewer")
        .contains("**CORRECT** _(reviewed by alice, 2026-01-15)_")
        .contains("weighted score **66.7%**")
        .doesNotContain("## For review");
    assertThat(Cli.run("pending", dir.toString()).out()).isEmpty();
  }

  @Test
  void aChangedAnswerMakesTheReviewStaleAndItIsShown() throws IOException {
    assertThat(Cli.run("grade", dir.toString(), "--quiet").code()).isZero();
    Cli.Run settle =
        Cli.run(
            "settle",
            dir.toString(),
            "-m",
            "model-a",
            "-p",
            "1.a",
            "--verdict",
            "correct",
            "--reviewer",
            "alice");
    assertThat(settle.code()).as(settle.err()).isZero();
    Files.writeString(
        response,
        Files.readString(response)
            .replace("The rank of AB cannot exceed 2.", "The rank of AB is at most 2, I think."));
    Cli.Run g2 = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(g2.code()).as(g2.err()).isZero();
    assertThat(g2.err())
        .contains("warning: reviews/model-a.yaml: the review of part 1.a is stale")
        .contains("the answer has changed since alice settled it as correct");
    JsonNode json = json();
    assertThat(json.at("/parts/0/reviewed").asBoolean()).isFalse();
    assertThat(json.at("/parts/0/reviewStale").asBoolean()).isTrue();
    assertThat(json.at("/parts/0/verdict").asText()).isNotEqualTo("correct");
    assertThat(json.at("/summary/staleReviews").asInt()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("reports/model-a/report.md")))
        .contains("## Stale reviews")
        .contains("⚠ **Stale review:** the answer has changed since alice");
    Cli.Run pending = Cli.run("pending", dir.toString(), "--model", "model-a");
    assertThat(pending.out()).contains("model-a\t1.a\tstale review: the answer has changed");
    // The history is kept: settling again appends.
    assertThat(
            Cli.run(
                    "settle",
                    dir.toString(),
                    "-m",
                    "model-a",
                    "-p",
                    "1.a",
                    "--verdict",
                    "incorrect",
                    "--reviewer",
                    "bob")
                .code())
        .isZero();
    assertThat(Files.readString(dir.resolve("reviews/model-a.yaml")))
        .contains("reviewer: \"alice\"")
        .contains("reviewer: \"bob\"");
  }

  @Test
  void usageErrorsAreClear() throws IOException {
    Cli.Run before =
        Cli.run("settle", dir.toString(), "-m", "model-a", "-p", "1.a", "--verdict", "correct");
    assertThat(before.code()).isEqualTo(2);
    assertThat(before.err()).contains("no stored results for model 'model-a'").contains("grade");
    assertThat(Cli.run("grade", dir.toString(), "--quiet").code()).isZero();
    Cli.Run noPart =
        Cli.run("settle", dir.toString(), "-m", "model-a", "-p", "1.z", "--verdict", "correct");
    assertThat(noPart.code()).isEqualTo(2);
    assertThat(noPart.err()).contains("no part '1.z'").contains("1.a, 1.b, 1.c");
    Cli.Run badVerdict =
        Cli.run("settle", dir.toString(), "-m", "model-a", "-p", "1.a", "--verdict", "right");
    assertThat(badVerdict.code()).isEqualTo(2);
    assertThat(badVerdict.err()).contains("unknown verdict 'right'");
    Cli.Run partial =
        Cli.run(
            "settle",
            dir.toString(),
            "-m",
            "model-a",
            "-p",
            "1.a",
            "--verdict",
            "partially_correct");
    assertThat(partial.code()).isEqualTo(2);
    assertThat(partial.err()).contains("strictly between 0 and 1");
    assertThat(Files.exists(dir.resolve("reviews/model-a.yaml"))).isFalse();
  }

  @Test
  void aMalformedReviewsFileStopsGradeWithLocatedErrors() throws IOException {
    Files.createDirectories(dir.resolve("reviews"));
    Files.writeString(
        dir.resolve("reviews/model-a.yaml"),
        "model: model-a\nparts:\n  \"1.a\":\n    - verdict: maybe\n      reviewer: alice\n");
    Cli.Run g = Cli.run("grade", dir.toString(), "--quiet");
    assertThat(g.code()).isEqualTo(2);
    assertThat(g.err())
        .contains("model-a.yaml:4:16: error: unknown verdict 'maybe'")
        .contains("has no 'at'")
        .contains("has no 'overrides'");
    assertThat(Files.exists(dir.resolve("reports/model-a"))).isFalse();
  }
}
