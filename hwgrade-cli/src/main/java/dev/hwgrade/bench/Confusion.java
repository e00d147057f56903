package dev.hwgrade.bench;

import dev.hwgrade.model.Verdict;
import java.util.List;
import java.util.Locale;

/** A confusion matrix over a fixed list of verdicts, with accuracy and macro-F1. */
final class Confusion {
  private final List<Verdict> labels;
  private final int[][] counts;
  private int other;

  Confusion(List<Verdict> labels) {
    this.labels = List.copyOf(labels);
    this.counts = new int[labels.size()][labels.size()];
  }

  /** Counts one answer; a verdict outside the labels (needs_review) counts as wrong. */
  void add(Verdict truth, Verdict predicted) {
    int t = labels.indexOf(truth);
    int p = labels.indexOf(predicted);
    if (t < 0) {
      return;
    }
    if (p < 0) {
      other++;
      return;
    }
    counts[t][p]++;
  }

  int total() {
    int n = other;
    for (int[] row : counts) {
      for (int c : row) {
        n += c;
      }
    }
    return n;
  }

  double accuracy() {
    int right = 0;
    for (int i = 0; i < labels.size(); i++) {
      right += counts[i][i];
    }
    return total() == 0 ? 0 : (double) right / total();
  }

  double macroF1() {
    double sum = 0;
    for (int c = 0; c < labels.size(); c++) {
      int tp = counts[c][c];
      int fp = 0;
      int fn = 0;
      for (int o = 0; o < labels.size(); o++) {
        if (o != c) {
          fp += counts[o][c];
          fn += counts[c][o];
        }
      }
      sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return sum / labels.size();
  }

  String render() {
    StringBuilder sb = new StringBuilder("confusion (rows: label, columns: verdict)\n");
    sb.append(String.format(Locale.ROOT, "%-20s", ""));
    for (Verdict v : labels) {
      sb.append(String.format(Locale.ROOT, "%20s", v.id()));
    }
    sb.append('\n');
    for (int i = 0; i < labels.size(); i++) {
      sb.append(String.format(Locale.ROOT, "%-20s", labels.get(i).id()));
      for (int j = 0; j < labels.size(); j++) {
        sb.append(String.format(Locale.ROOT, "%20d", counts[i][j]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
