package dev.hwgrade.cli;

import dev.hwgrade.grade.text.train.TextModelTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hwgrade train text DIR}: retrains the text grader's calibrated model. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Retrains a grader's model from labelled data.",
    subcommands = {TrainCommand.Text.class})
final class TrainCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say what to train: text");
  }

  /** {@code hwgrade train text DIR --out FILE}. */
  @Command(
      name = "text",
      mixinStandardHelpOptions = true,
      description = {
        "Trains the text grader's key-point model on the *_train*.jsonl files of DIR (short-answer data "
            + "with question, reference, answer, label) and writes its weights; signals, penalty, cut-offs "
            + "and bands are chosen on folds split by question."
      })
  static final class Text implements Callable<Integer> {
    private final Env env;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder with the training files.")
    Path dir;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        required = true,
        description =
            "Where to write the weights (to ship them with hwgrade, replace "
                + "src/main/resources/dev/hwgrade/grade/text/model.json and rebuild).")
    Path out;

    @Option(
        names = "--embedding-cache",
        paramLabel = "FILE",
        description = "Keep the answers' embeddings in FILE between runs (created if absent).")
    Path embeddingCache;

    Text(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      if (!Files.isDirectory(dir)) {
        throw new ParameterException(spec.commandLine(), dir + ": not a folder");
      }
      return TextModelTrainer.run(dir, out, embeddingCache, env.out());
    }
  }
}
