package dev.hwgrade.cli;

import dev.hwgrade.load.InputException;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.review.Review;
import dev.hwgrade.review.ReviewException;
import dev.hwgrade.review.ReviewStore;
import dev.hwgrade.review.Reviewing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hwgrade settle DIR --model M --part P --verdict V}: a person's verdict on one part. */
@Command(
    name = "settle",
    mixinStandardHelpOptions = true,
    description = {
      "Records a person's verdict on one part in reviews/<model-id>.yaml of the assignment folder. "
          + "The next `hwgrade grade` applies it, unless the answer or the key has changed since.",
      "Works from the stored results (reports/<model-id>/results.json); it does not grade."
    })
final class SettleCommand implements Callable<Integer> {
  private final Env env;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The assignment folder.")
  Path dir;

  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "ID",
      description = "The model whose answer is settled.")
  String model;

  @Option(
      names = {"-p", "--part"},
      required = true,
      paramLabel = "PART",
      description = "The part id, e.g. 1.a.")
  String part;

  @Option(
      names = "--verdict",
      required = true,
      paramLabel = "VERDICT",
      description = "correct, partially_correct, incorrect or unanswered.")
  String verdict;

  @Option(
      names = "--score",
      paramLabel = "S",
      description = "The score of a partially correct part, strictly between 0 and 1.")
  Double score;

  @Option(names = "--comment", paramLabel = "TEXT", description = "Why, in a sentence.")
  String comment = "";

  @Option(
      names = "--reviewer",
      paramLabel = "NAME",
      description = "Who settles it (default: $USER, else \"reviewer\").")
  String reviewer;

  SettleCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Verdict v = verdict();
    String who = reviewer;
    if (who == null) {
      String user = System.getenv("USER");
      who = user == null || user.isBlank() ? "reviewer" : user;
    }
    try {
      Review r = new Reviewing(dir, env.clock()).settle(model, part, v, score, who, comment, null);
      env.out()
          .printf(
              "%s %s: settled as %s (score %s) by %s → %s%n",
              model,
              part,
              r.verdict().id(),
              dev.hwgrade.analyze.Percent.of(r.score()),
              r.reviewer(),
              ReviewStore.of(dir).file(model));
      return Main.OK;
    } catch (ReviewException e) {
      env.err().println("hwgrade: error: " + e.getMessage());
      return Main.USAGE;
    } catch (InputException e) {
      Diagnostics.print(e.diagnostics(), env.err());
      return Main.USAGE;
    } catch (ReviewStore.ConcurrentChangeException e) {
      env.err().println("hwgrade: error: " + e.getMessage());
      return Main.FAILURE;
    } catch (IOException | IllegalArgumentException e) {
      env.err().println("hwgrade: error: cannot settle: " + Main.describe(e));
      return Main.FAILURE;
    }
  }

  private Verdict verdict() {
    String known =
        Arrays.stream(Verdict.values())
            .filter(x -> x != Verdict.NEEDS_REVIEW)
            .map(Verdict::id)
            .collect(Collectors.joining(", "));
    Verdict v;
    try {
      v = Verdict.fromId(verdict);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--verdict: unknown verdict '" + verdict + "'; use one of " + known);
    }
    if (v == Verdict.NEEDS_REVIEW) {
      throw new ParameterException(
          spec.commandLine(), "--verdict: settling a part means deciding it; use one of " + known);
    }
    return v;
  }
}
