package dev.hwgrade.cli;

import dev.hwgrade.bench.MathBench;
import dev.hwgrade.bench.NumericBench;
import dev.hwgrade.bench.TextBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
          "Asks a generated assignment of a fake provider on 127.0.0.1 with a fixed latency, in a"
              + " cold JVM and again warm, and prints parts/s, hwgrade's own time per request"
              + " beside the latency, the fake server and the HTTP client, and the CPU per"
              + " request.")
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

  /**
   * {@code hwgrade bench text FILE}, {@code --folds questions FILE}, {@code --train-on …
   * --test-on}.
   */
  @Command(
      name = "text",
      mixinStandardHelpOptions = true,
      description = {
        "Grades labelled free-text answers (JSON Lines with question, reference, answer, label) and "
            + "prints accuracy, macro-F1 and the confusion matrix with --decide, the share decided and the accuracy "
            + "of those decisions by default, and beside them the word-overlap baseline (share of the "
            + "reference's content words beyond the question's found in the answer, one threshold tuned on "
            + "the training rows) on the same rows.",
        "FILE alone measures the shipped model; --folds questions FILE trains on some of FILE's questions "
            + "and grades the others, fold by fold; --train-on FILE... --test-on FILE trains on some "
            + "datasets and grades another."
      })
  static final class Text implements Callable<Integer> {
    private final Env env;

    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "FILE",
        description = "Labelled answers, JSON Lines.")
    Path file;

    @Option(
        names = "--folds",
        paramLabel = "questions",
        description =
            "Cross-validation on FILE with folds split by question (leave questions out): each fold "
                + "is graded by a model trained as 'train text' trains on the other folds.")
    String folds;

    @Option(
        names = "--fold-count",
        paramLabel = "K",
        defaultValue = "5",
        description = "How many folds (default ${DEFAULT-VALUE}).")
    int foldCount;

    @Option(
        names = "--train-on",
        arity = "1..*",
        paramLabel = "FILE",
        description = "Train on these labelled files …")
    List<Path> trainOn;

    @Option(names = "--test-on", paramLabel = "FILE", description = "… and grade this one.")
    Path testOn;

    @Option(
        names = "--embedding-cache",
        paramLabel = "FILE",
        description =
            "Keep the answers' embeddings in FILE between runs (created if absent), so that "
                + "measuring again does not embed every answer again.")
    Path embeddingCache;

    @picocli.CommandLine.Mixin JudgeFlags judge;

    @Option(
        names = "--limit",
        paramLabel = "N",
        description = "With --judge: grade only the first N rows (to bound the cost).")
    Integer limit;

    Text(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      String problem = judge.problem();
      if (problem == null && limit != null && !judge.active()) {
        problem = "--limit needs --judge";
      }
      if (problem == null && limit != null && limit < 1) {
        problem = "--limit must be at least 1";
      }
      if (problem != null) {
        throw new ParameterException(spec.commandLine(), problem);
      }
      if (judge.active()) {
        if (file == null || folds != null || trainOn != null || testOn != null) {
          throw new ParameterException(
              spec.commandLine(), "--judge measures one FILE, without --folds or --train-on");
        }
        List<dev.hwgrade.grade.judge.JudgeRecord> records =
            java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        dev.hwgrade.grade.judge.JudgeGrader grader;
        try {
          grader =
              judge.grader(
                  Path.of("."), dev.hwgrade.grade.GradingOptions.DEFAULT, records::add, false);
        } catch (dev.hwgrade.llm.ModelConfigException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return dev.hwgrade.bench.JudgeBench.run(
            existing(spec, file),
            grader,
            String.join(", ", judge.judges) + (judge.votes > 1 ? " ×" + judge.votes : ""),
            records,
            limit,
            8,
            env.out());
      }
      if (trainOn != null || testOn != null) {
        if (trainOn == null || testOn == null || file != null || folds != null) {
          throw new ParameterException(
              spec.commandLine(), "--train-on and --test-on go together, without FILE or --folds");
        }
        trainOn.forEach(f -> existing(spec, f));
        return TextBench.crossDataset(trainOn, existing(spec, testOn), embeddingCache, env.out());
      }
      if (file == null) {
        throw new ParameterException(
            spec.commandLine(), "say what to measure: FILE, or --train-on and --test-on");
      }
      if (folds != null) {
        if (!folds.equals("questions")) {
          throw new ParameterException(
              spec.commandLine(), "--folds takes 'questions' (folds split by question)");
        }
        if (foldCount < 2) {
          throw new ParameterException(spec.commandLine(), "--fold-count must be at least 2");
        }
        return TextBench.folds(existing(spec, file), foldCount, embeddingCache, env.out());
      }
      return TextBench.run(existing(spec, file), env.out());
    }
  }
}
