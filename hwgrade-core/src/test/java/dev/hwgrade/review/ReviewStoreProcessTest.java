package dev.hwgrade.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.model.Verdict;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Two processes appending to one reviews file at once: neither loses an update. */
@EnabledOnOs(OS.LINUX)
class ReviewStoreProcessTest {
  private static final int EACH = 20;

  @TempDir Path tmp;

  /** A writer process: appends {@code n} reviews by {@code who} to {@code dir}'s model-a. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String who = args[1];
    int n = Integer.parseInt(args[2]);
    for (int i = 0; i < n; i++) {
      ReviewStore.of(dir)
          .append(
              "model-a",
              who + "." + i,
              new Review(
                  Verdict.CORRECT,
                  1,
                  who,
                  Instant.parse("2026-01-15T09:30:00Z"),
                  "",
                  new Review.Overrides(Verdict.NEEDS_REVIEW, "a", "k")));
    }
  }

  @Test
  void twoWriterProcessesLoseNoUpdate() throws Exception {
    List<Process> ps = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (String who : new String[] {"alice", "bob"}) {
      Path log = tmp.resolve(who + ".log");
      logs.add(log);
      ps.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  ReviewStoreProcessTest.class.getName(),
                  tmp.toString(),
                  who,
                  String.valueOf(EACH))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(new File("/dev/null"))
              .start());
    }
    for (int i = 0; i < ps.size(); i++) {
      assertThat(ps.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(ps.get(i).exitValue()).as(Files.readString(logs.get(i))).isZero();
    }
    ReviewFile f = ReviewStore.of(tmp).read("model-a").file();
    assertThat(f.history()).hasSize(2 * EACH);
    assertThat(f.history().keySet()).contains("alice.0", "bob." + (EACH - 1));
  }
}
