package dev.hwgrade.bench;

import dev.hwgrade.grade.Grader;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.grade.judge.JudgeRecord;
import dev.hwgrade.grade.text.CalibratedModel;
import dev.hwgrade.grade.text.MiniLmEmbedder;
import dev.hwgrade.grade.text.TextGrader;
import dev.hwgrade.grade.text.WordOverlap;
import dev.hwgrade.grade.text.train.AsagExample;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Verdict;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench text FILE --judge SPEC}: on the same labelled rows, the offline text grader (by
 * default and with every answer decided), a judge and the word-overlap baseline side by side —
 * accuracy and macro-F1 (a needs_review counts as not right), the share each decides and its
 * accuracy when it decides, the confusion matrices, and the judge's tokens and cost. The judge is
 * measured alone and as {@code grade --judge} uses it, with the offline grader cross-checking (a
 * confident offline verdict that differs sends the row to review); both from the same replies. The
 * reference is the key's one required point.
 */
public final class JudgeBench {
  private JudgeBench() {}

  /**
   * Grades the first {@code limit} rows of the file and prints the figures.
   *
   * @param judge the judge, without an offline cross-check
   * @param records the judge's audit records, filled as it grades
   * @param limit the most rows to grade; null for all
   * @return 0 on success, 1 if the file cannot be read
   */
  public static int run(
      Path file,
      Grader judge,
      String judgeName,
      List<JudgeRecord> records,
      Integer limit,
      int threads,
      PrintStream out) {
    List<AsagExample> all = TextBench.read(file, out);
    if (all == null) {
      return 1;
    }
    List<AsagExample> rows =
        limit == null || limit >= all.size() ? all : all.subList(0, Math.max(0, limit));
    if (rows.isEmpty()) {
      out.println("no rows to grade (--limit " + limit + ")");
      return 1;
    }
    CalibratedModel shipped = CalibratedModel.shipped();
    double threshold = shipped.wordOverlapThreshold();
    TextGrader offline = new TextGrader(GradingOptions.DEFAULT, MiniLmEmbedder.shared(), shipped);
    TextGrader decider =
        new TextGrader(GradingOptions.DEFAULT.withDecide(true), MiniLmEmbedder.shared(), shipped);
    List<Verdict> labels =
        rows.get(0).twoWay()
            ? List.of(Verdict.CORRECT, Verdict.INCORRECT)
            : List.of(Verdict.CORRECT, Verdict.PARTIALLY_CORRECT, Verdict.INCORRECT);
    Column offlineCol = new Column("offline grader", labels);
    Column decideCol = new Column("offline grader, --decide", labels);
    Column judgeCol = new Column("judge " + judgeName, labels);
    Column crossCol = new Column("judge + offline cross-check", labels);
    Column overlapCol = new Column("word-overlap baseline", labels);

    List<Grade> judged = judgeAll(rows, judge, threads);
    for (int i = 0; i < rows.size(); i++) {
      AsagExample e = rows.get(i);
      Verdict truth = fold(e, e.label());
      Verdict o = offline.grade(TextBench.part(e, i), TextBench.answer(e, i)).verdict();
      Verdict j = judged.get(i).verdict();
      Verdict both =
          o != Verdict.NEEDS_REVIEW && j != Verdict.NEEDS_REVIEW && o != j
              ? Verdict.NEEDS_REVIEW
              : j;
      double recall = WordOverlap.referenceRecall(e.question(), e.reference(), e.answer());
      offlineCol.add(truth, fold(e, o));
      decideCol.add(
          truth, fold(e, decider.grade(TextBench.part(e, i), TextBench.answer(e, i)).verdict()));
      judgeCol.add(truth, fold(e, j));
      crossCol.add(truth, fold(e, both));
      overlapCol.add(truth, recall >= threshold ? Verdict.CORRECT : Verdict.INCORRECT);
    }

    out.printf(
        Locale.ROOT,
        "%s: %d answers%s, %d labels; the reference is the key's one required point%n",
        file.getFileName(),
        rows.size(),
        rows.size() < all.size() ? " (the first " + rows.size() + " of " + all.size() + ")" : "",
        labels.size());
    out.printf(
        Locale.ROOT,
        "%-32s %9s %9s %9s %18s%n",
        "",
        "accuracy",
        "macro-F1",
        "decided",
        "acc. when decided");
    for (Column c : List.of(offlineCol, decideCol, judgeCol, crossCol, overlapCol)) {
      out.printf(
          Locale.ROOT,
          "%-32s %9.3f %9.3f %8.1f%% %18s%n",
          c.name,
          c.confusion.accuracy(),
          c.confusion.macroF1(),
          100.0 * c.decided / rows.size(),
          c.decided == 0 ? "—" : String.format(Locale.ROOT, "%.3f", (double) c.right / c.decided));
    }
    out.println(
        "(a needs_review counts against accuracy and macro-F1; the baseline always decides)");
    for (Column c : List.of(offlineCol, decideCol, judgeCol, crossCol, overlapCol)) {
      out.println(c.name + ": " + c.confusion.render().strip());
    }
    long in = 0;
    long outTokens = 0;
    Double cost = 0.0;
    int calls = 0;
    int cached = 0;
    synchronized (records) {
      for (JudgeRecord r : records) {
        for (JudgeRecord.Call call : r.calls()) {
          calls++;
          if (call.cached()) {
            cached++;
            continue;
          }
          in += call.inputTokens();
          outTokens += call.outputTokens();
          if (call.reply() != null) {
            cost = cost == null || call.costUsd() == null ? null : cost + call.costUsd();
          }
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "judge: %d calls (%d from the cache), %d input tokens, %d output tokens, cost %s%n",
        calls,
        cached,
        in,
        outTokens,
        cost == null
            ? "unknown (no prices in models.yaml)"
            : String.format(Locale.ROOT, "$%.4f", cost));
    return 0;
  }

  private static List<Grade> judgeAll(List<AsagExample> rows, Grader judge, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<Grade>> futures = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        AsagExample e = rows.get(i);
        int n = i;
        futures.add(pool.submit(() -> judge.grade(TextBench.part(e, n), TextBench.answer(e, n))));
      }
      List<Grade> out = new ArrayList<>();
      for (Future<Grade> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Verdict fold(AsagExample e, Verdict v) {
    return e.twoWay() && v == Verdict.PARTIALLY_CORRECT ? Verdict.INCORRECT : v;
  }

  /** One grader's figures. */
  private static final class Column {
    final String name;
    final Confusion confusion;
    int decided;
    int right;

    Column(String name, List<Verdict> labels) {
      this.name = name;
      this.confusion = new Confusion(labels);
    }

    void add(Verdict truth, Verdict given) {
      confusion.add(truth, given);
      if (given != Verdict.NEEDS_REVIEW) {
        decided++;
        if (given == truth) {
          right++;
        }
      }
    }
  }
}
