package dev.hwgrade.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the real entry point with captured streams and a fixed clock. */
public final class Cli {
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC);

  /** What one run printed and returned. */
  public record Run(int code, String out, String err) {}

  private Cli() {}

  public static Run withInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code =
          Main.run(
              new Env(
                  new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e, CLOCK),
              args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  public static Run run(String... args) {
    return withInput("", args);
  }
}
