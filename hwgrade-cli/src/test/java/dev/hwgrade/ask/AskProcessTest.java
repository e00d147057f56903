package dev.hwgrade.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.cli.Cli;
import dev.hwgrade.cli.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hwgrade ask} in its own JVM, killed with SIGKILL in the middle of a run and run again:
 * nothing finished is lost or asked twice; and the API key, read from the environment, appears in
 * no file the runs wrote.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AskProcessTest {
  private static final String SECRET = "sk-test-DO-NOT-WRITE-4f9c2e7a1b";

  @TempDir Path tmp;

  private ProcessBuilder ask(Path dir, Path log) {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hwgrade.cli.Main",
                "ask",
                dir.toString(),
                "--model",
                "local",
                "--cache-dir",
                tmp.resolve("cache").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("HWGRADE_TEST_KEY", SECRET);
    return pb;
  }

  @Test
  void killedMidRunThenResumedLosesNothingAndAsksNothingTwice() throws Exception {
    Path dir = tmp.resolve("physics-linalg");
    TestFiles.copyAssignment(Path.of("../examples/physics-linalg"), dir);
    try (Stream<Path> s = Files.list(dir.resolve("responses"))) {
      for (Path f : s.toList()) {
        Files.delete(f);
      }
    }
    try (FakeProvider fake = new FakeProvider(dir.resolve("assignment.yaml"))) {
      fake.latencyMs = 300;
      Files.writeString(
          dir.resolve("models.yaml"),
          "models:\n  local:\n    provider: openai\n    model: fake-7b\n    api_key_env:"
              + " HWGRADE_TEST_KEY\n    concurrency: 2\n    price_input: 0.5\n    price_output: 1.5\n"
              + "    base_url: "
              + fake.baseUrl("openai")
              + "\n");
      Path replies = dir.resolve("replies/local");
      Process p = ask(dir, tmp.resolve("first.log")).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (count(replies) < 5 && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(20);
      }
      p.destroyForcibly(); // SIGKILL
      p.waitFor();
      int finished = count(replies);
      int askedBefore = fake.requests.get();
      int parts = fake.answersCount();
      assertThat(finished).as(read(tmp.resolve("first.log"))).isBetween(5, parts - 1);

      Process q = ask(dir, tmp.resolve("second.log")).start();
      assertThat(q.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String log = read(tmp.resolve("second.log"));
      assertThat(q.exitValue()).as(log).isZero();
      assertThat(log).contains(finished + " from an earlier run").doesNotContain("Exception");
      // only the requests in flight at the kill (at most the concurrency, 2) are asked again
      int askedAgain = fake.requests.get() - parts;
      assertThat(askedAgain).isBetween(0, 2);
      assertThat(askedBefore - finished).isBetween(0, 2);
      String yaml = read(dir.resolve("responses/local.yaml"));
      for (int i = 0; i < parts; i++) {
        assertThat(yaml).contains("\"" + fake.partAt(i) + "\":");
      }
      assertThat(fake.authorizations).isNotEmpty().allMatch(a -> a.equals("Bearer " + SECRET));

      // the reports of what was asked give its usage and cost
      Cli.Run grade = Cli.run("grade", dir.toString(), "--quiet");
      assertThat(grade.code()).as(grade.err()).isZero();
      assertThat(read(dir.resolve("reports/local/report.md")))
          .contains("## Usage and cost")
          .contains("| Cost | $0.");
      assertThat(read(dir.resolve("reports/local/report.html"))).contains("id=\"usage\"");
      assertThat(read(dir.resolve("reports/local/results.json"))).contains("\"usage\"");

      // the key was used, and is in no file written: responses, replies, cache, logs, reports
      List<Path> written = new ArrayList<>();
      try (Stream<Path> s = Files.walk(tmp)) {
        s.filter(Files::isRegularFile).forEach(written::add);
      }
      assertThat(written).hasSizeGreaterThan(parts);
      for (Path f : written) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(SECRET);
      }
    }
  }

  private static int count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return (int) s.filter(f -> f.toString().endsWith(".json")).count();
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
