package dev.hwgrade.bench;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.grade.text.TextGrader;
import dev.hwgrade.grade.text.train.AsagExample;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures the text grader on a labelled file in the ASAG JSON-lines format ({@code question},
 * {@code reference}, {@code answer}, {@code label}): accuracy, macro-F1 and the confusion matrix
 * with every answer decided, then the share the default mode decides by itself and how often those
 * decisions are right, and the throughput. On a two-way file a partially correct verdict counts as
 * incorrect. The reference is the key's one required point.
 */
public final class TextBench {
  private TextBench() {}

  /**
   * Runs the benchmark and prints the figures.
   *
   * @return 0 on success, 1 if the file cannot be read
   */
  public static int run(Path labelledJsonl, PrintStream out) {
    List<AsagExample> examples;
    try {
      examples = AsagExample.read(labelledJsonl);
    } catch (IOException e) {
      out.println("cannot read " + labelledJsonl + ": " + e.getMessage());
      return 1;
    }
    if (examples.isEmpty()) {
      out.println(labelledJsonl + " has no examples");
      return 1;
    }
    boolean twoWay = examples.get(0).twoWay();
    List<Verdict> labels =
        twoWay
            ? List.of(Verdict.CORRECT, Verdict.INCORRECT)
            : List.of(Verdict.CORRECT, Verdict.PARTIALLY_CORRECT, Verdict.INCORRECT);
    TextGrader decider = new TextGrader(GradingOptions.DEFAULT.withDecide(true));
    TextGrader cautious = new TextGrader(GradingOptions.DEFAULT);
    decider.grade(part(examples.get(0), 0), answer(examples.get(0), 0)); // loads the model

    Confusion confusion = new Confusion(labels);
    int decided = 0;
    int decidedRight = 0;
    long start = System.nanoTime();
    for (int i = 0; i < examples.size(); i++) {
      AsagExample e = examples.get(i);
      Verdict truth = fold(e.label(), twoWay);
      Grade best = decider.grade(part(e, i), answer(e, i));
      confusion.add(truth, fold(best.verdict(), twoWay));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    for (int i = 0; i < examples.size(); i++) {
      AsagExample e = examples.get(i);
      Grade g = cautious.grade(part(e, i), answer(e, i));
      if (g.verdict() != Verdict.NEEDS_REVIEW) {
        decided++;
        if (fold(g.verdict(), twoWay) == fold(e.label(), twoWay)) {
          decidedRight++;
        }
      }
    }
    int n = examples.size();
    out.printf(
        Locale.ROOT, "%s: %d answers, %d labels%n", labelledJsonl.getFileName(), n, labels.size());
    out.printf(
        Locale.ROOT,
        "decide mode: accuracy %.3f, macro-F1 %.3f%n",
        confusion.accuracy(),
        confusion.macroF1());
    out.print(confusion.render());
    out.printf(
        Locale.ROOT,
        "default mode: decided automatically %.1f%% (%d of %d), accuracy of those %.3f%n",
        100.0 * decided / n,
        decided,
        n,
        decided == 0 ? 0.0 : (double) decidedRight / decided);
    out.printf(
        Locale.ROOT, "throughput: %.1f answers/s (one thread, model load excluded)%n", n / seconds);
    return 0;
  }

  private static Verdict fold(Verdict v, boolean twoWay) {
    return twoWay && v == Verdict.PARTIALLY_CORRECT ? Verdict.INCORRECT : v;
  }

  private static Part part(AsagExample e, int i) {
    return Part.adHoc("q" + i, e.question(), Key.builder(Kind.TEXT).answer(e.reference()).build());
  }

  private static Answer answer(AsagExample e, int i) {
    return Answer.of("q" + i, e.answer());
  }
}
