package dev.hwgrade.cli;

import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.grade.GradingOptions;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options shared by every command that grades. */
final class GradingFlags {
  static final long MAX_TIME_LIMIT_MS = 86_400_000L;

  @Option(
      names = "--decide",
      description = "Give the best verdict where a grader is unsure, instead of needs_review.")
  boolean decide;

  @Option(
      names = "--time-limit",
      paramLabel = "MS",
      defaultValue = "2000",
      description =
          "Time one part may take before it is needs_review, in milliseconds (default: ${DEFAULT-VALUE}).")
  long timeLimitMs;

  @Option(
      names = "--seed",
      defaultValue = "182",
      description = "Seed for the random checks of the graders (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Parts graded at once (default: all cores).")
  Integer threads;

  /**
   * Grades the engine remembers: an answer met again (a repeated line, an equal sample) is free.
   */
  private static final int MEMO = 4096;

  /** The engine these flags ask for; a bad value is a usage error of {@code spec}'s command. */
  GradingEngine engine(CommandSpec spec) {
    try {
      return GradingEngine.builder()
          .options(options())
          .parallelism(parallelism())
          .memo(MEMO)
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** An engine with these graders; it remembers nothing, so every answer is judged afresh. */
  GradingEngine engine(CommandSpec spec, dev.hwgrade.grade.GraderRegistry registry) {
    try {
      return GradingEngine.builder().registry(registry).parallelism(parallelism()).build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  GradingOptions options() {
    if (timeLimitMs < 1) {
      throw new IllegalArgumentException("--time-limit must be at least 1 ms");
    }
    if (timeLimitMs > MAX_TIME_LIMIT_MS) {
      throw new IllegalArgumentException(
          "--time-limit must be at most " + MAX_TIME_LIMIT_MS + " ms (a day), not " + timeLimitMs);
    }
    return new GradingOptions(decide, Duration.ofMillis(timeLimitMs), seed);
  }

  int parallelism() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new IllegalArgumentException("--threads must be at least 1");
    }
    return n;
  }
}
