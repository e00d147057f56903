package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.report.ReportFolder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code hwgrade grade} as a process: another run holding the folder, and a run killed midway. */
@EnabledOnOs(OS.LINUX)
class GradeProcessTest {
  @TempDir Path tmp;

  private static ProcessBuilder grade(Path dir, Path log) {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.hwgrade.cli.Main",
            "grade",
            "--quiet",
            dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(new File("/dev/null"));
  }

  @Test
  void aRunWaitsForNoOneAndSaysWhoHoldsTheFolder() throws Exception {
    Path dir =
        TestFiles.copyAssignment(Path.of("src/test/resources/good/tiny"), tmp.resolve("tiny"));
    Path log = tmp.resolve("log.txt");
    try (ReportFolder held = ReportFolder.open(dir)) {
      Process p = grade(dir, log).start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(1);
      assertThat(Files.readString(log)).contains("another hwgrade run is writing " + held.path());
    }
    assertThat(dir.resolve("reports/model-a")).doesNotExist();
  }

  @Test
  void aRunKilledMidwayLeavesWholeSetsOnly() throws Exception {
    Path dir =
        TestFiles.copyAssignment(Path.of("../examples/networks-pset2"), tmp.resolve("networks"));
    Path log = tmp.resolve("log.txt");
    Process first = grade(dir, log).start();
    assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
    for (long delay : new long[] {400, 1000}) {
      Process p = grade(dir, log).start();
      Thread.sleep(delay);
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      Process again = grade(dir, log).start();
      assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(again.exitValue()).as(Files.readString(log)).isZero();
      try (Stream<Path> s = Files.list(dir.resolve("reports"))) {
        List<String> names = s.map(x -> x.getFileName().toString()).sorted().toList();
        assertThat(names).allMatch(n -> !n.startsWith(".new-") && !n.startsWith(".old-"));
        assertThat(names).noneMatch(n -> n.endsWith(".tmp"));
      }
      for (String model : new String[] {"model-a", "model-b"}) {
        try (Stream<Path> s = Files.list(dir.resolve("reports").resolve(model))) {
          assertThat(s.map(x -> x.getFileName().toString()))
              .containsExactlyInAnyOrder("report.md", "report.html", "results.json", "results.csv");
        }
      }
    }
  }
}
