package dev.hwgrade.cli;

import dev.hwgrade.bench.MathBench;
import dev.hwgrade.bench.NumericBench;
import dev.hwgrade.bench.TextBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hwgrade bench}: measures the graders' accuracy and speed and prints the figures. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures a grader's accuracy and speed and prints the figures.",
    subcommands = {
      BenchCommand.Math.class,
      BenchCommand.Numeric.class,
      BenchCommand.Text.class,
      BenchCommand.Ask.class
    })
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say what to measure: math, numeric or text");
  }

  static Path existing(CommandSpec spec, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), file + ": no such file");
    }
    return file;
  }

  /** {@code hwgrade bench math FILE}. */
  @Command(
      name = "math",
      mixinStandardHelpOptions = true,
      description = {
        "Grades labelled expression pairs (JSON Lines with gold, pred, equivalent) and prints accuracy, "
            + "every miss, pairs/s on one thread and on all cores, and p50/p99 latency."
      })
  static final class Math implements Callable<Integer> {
    private final Env env;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Labelled pairs, JSON Lines.")
    Path file;

    Math(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return MathBench.run(existing(spec, file), env.out());
    }
  }

  /** {@code hwgrade bench numeric}. */
  @Command(
      name = "numeric",
      mixinStandardHelpOptions = true,
      description =
          "Grades generated quantity pairs and prints pairs/s on one thread and on all cores and p50/p99 latency.")
  static final class Numeric implements Callable<Integer> {
    private final Env env;

    Numeric(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return NumericBench.run(env.out());
    }
  }

  /** {@code hwgrade bench ask}. */
  @Command(
      name = "ask",
      mixinStandardHelpOptions = true,
      description =
          "Asks a generated assignment of a fake provider on 127.0.0.1 with a fixed latency and"
              + " prints parts/s and hwgrade's overhead per request.")
  static final class Ask implements Callable<Integer> {
    private final Env env;

    @picocli.CommandLine.Option(
        names = "--parts",
        defaultValue = "1000",
        description = "Parts to ask (default 1000).")
    int parts;

    @picocli.CommandLine.Option(
        names = "--latency-ms",
        defaultValue = "50",
        description = "The fake provider's latency (default 50).")
    long latencyMs;

    @picocli.CommandLine.Option(
        names = "--concurrency",
        defaultValue = "16",
        description = "Requests in flight (default 16).")
    int concurrency;

    Ask(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() throws Exception {
      dev.hwgrade.bench.AskBench.run(env.out(), parts, latencyMs, concurrency);
      return 0;
    }
  }

  /** {@code hwgrade bench text FILE}. */
  @Command(
      name = "text",
      mixinStandardHelpOptions = true,
      description = {
        "Grades labelled free-text answers (JSON Lines with question, reference, answer, label) and "
            + "prints accuracy, macro-F1 and the confusion matrix with --decide, the share decided and the accuracy "
            + "of those decisions by default, and answers/s."
      })
  static final class Text implements Callable<Integer> {
    private final Env env;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Labelled answers, JSON Lines.")
    Path file;

    Text(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return TextBench.run(existing(spec, file), env.out());
    }
  }
}
