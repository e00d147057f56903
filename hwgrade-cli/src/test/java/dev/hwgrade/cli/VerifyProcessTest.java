package dev.hwgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hwgrade verify} as a process: what happens to a full disk, a reader that stops early and a
 * closed standard input is the process's behaviour, so these tests start one.
 */
@EnabledOnOs(OS.LINUX)
class VerifyProcessTest {
  private static final String LINE =
      "{\"id\":\"x\",\"kind\":\"boolean\",\"key\":\"true\",\"response\":\"True\"}\n";

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String command() {
    return "'"
        + java()
        + "' -XX:+UseSerialGC -cp '"
        + System.getProperty("java.class.path")
        + "' dev.hwgrade.cli.Main verify";
  }

  private static Path input(Path dir, int lines) throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, LINE.repeat(lines), StandardCharsets.UTF_8);
    return in;
  }

  private record Result(int code, String out, String err) {}

  private static Result bash(Path dir, String script) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder("bash", "-c", script)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(new File("/dev/null"))
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void aFullDiskIsAnErrorNotASilentSuccess(@TempDir Path dir) throws Exception {
    Path in = input(dir, 200);
    Result r = bash(dir, command() + " '" + in + "' > /dev/full");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("cannot write the output").doesNotContain("Exception");
  }

  @Test
  void aReaderThatStopsEarlyStopsTheRun(@TempDir Path dir) throws Exception {
    Path in = input(dir, 300_000);
    long start = System.nanoTime();
    Result r = bash(dir, command() + " '" + in + "' | head -1; echo \"exit ${PIPESTATUS[0]}\"");
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("\"verdict\":\"correct\"");
    assertThat(lines.get(1)).isEqualTo("exit 1");
    // Grading all 300,000 lines takes far longer than stopping at the first failed write.
    assertThat(seconds).as("stopped early").isLessThan(30);
  }

  @Test
  void aClosedStandardInputIsAnEmptyInput(@TempDir Path dir) throws Exception {
    Result r = bash(dir, command() + " <&-");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
  }
}
