package dev.hwgrade.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench text FILE --judge SPEC}: the offline grader, the judge and the word-overlap baseline
 * side by side on a small labelled file, the judge scripted by the questions' tags ({@link
 * ScriptedJudgeReplies}): rows 1, 2, 5 and 6 it gets right, row 3's replies cannot be read, row 4
 * it credits wrongly.
 */
@Timeout(300) // against a hang only
class JudgeBenchCommandTest {
  private static final Path FILE = Path.of("src/test/resources/bench/judge-short-answers.jsonl");

  @TempDir Path tmp;

  private Cli.Run bench(FakeProvider fake, String... more) throws Exception {
    Path models = tmp.resolve("models.yaml");
    Files.writeString(
        models,
        "models:\n  judge:\n    provider: openai-compatible\n    model: judge\n    base_url: "
            + fake.baseUrl("openai")
            + "\n    price_input: 1.0\n    price_output: 2.0\n");
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "bench",
                "text",
                FILE.toString(),
                "--judge",
                "judge",
                "--models",
                models.toString(),
                "--no-cache"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static String row(String out, String name) {
    return out.lines().filter(l -> l.startsWith(name)).findFirst().orElse("");
  }

  @Test
  void theJudgeIsMeasuredBesideTheOfflineGraderAndTheBaseline() throws Exception {
    try (FakeProvider fake =
        new FakeProvider(Path.of("src/test/resources/judge/assignment.yaml"))) {
      new ScriptedJudgeReplies(ScriptedJudgeReplies.Mode.BY_TAG).serveOn(fake, 50);
      Cli.Run run = bench(fake);
      assertThat(run.code()).as(run.err()).isZero();
      String out = run.out();
      assertThat(out).contains("judge-short-answers.jsonl: 6 answers, 2 labels");
      // 4 of 6 right, 5 of 6 decided, 4 of those 5 right
      assertThat(row(out, "judge judge ")).contains("0.667").contains("83.3%").endsWith("0.800");
      assertThat(row(out, "offline grader ")).isNotEmpty();
      assertThat(row(out, "judge + offline cross-check")).isNotEmpty();
      assertThat(row(out, "word-overlap baseline")).contains("100.0%");
      assertThat(out).contains("judge judge: confusion (rows: label, columns: verdict)");
      // one call a row, two for the unreadable row; 100 + 20 tokens a call at $1 and $2 a million
      assertThat(out)
          .contains(
              "judge: 7 calls (0 from the cache), 700 input tokens, 140 output tokens, cost $0.0010");
      assertThat(fake.requests.get()).isEqualTo(7);
    }
  }

  @Test
  void limitGradesTheFirstRowsOnly() throws Exception {
    try (FakeProvider fake =
        new FakeProvider(Path.of("src/test/resources/judge/assignment.yaml"))) {
      new ScriptedJudgeReplies(ScriptedJudgeReplies.Mode.BY_TAG).serveOn(fake, 50);
      Cli.Run run = bench(fake, "--limit", "2");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("2 answers (the first 2 of 6)");
      assertThat(row(run.out(), "judge judge ")).contains("1.000").contains("100.0%");
      assertThat(fake.requests.get()).isEqualTo(2);
    }
  }

  @Test
  void limitNeedsAJudge() {
    Cli.Run run = Cli.run("bench", "text", FILE.toString(), "--limit", "2");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--limit needs --judge");
  }
}
