package dev.hwgrade.grade.text.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Cross-validation folds split by question: every answer to one question (its text, within one
 * dataset, whatever its reference) falls in the same fold, so a model is always measured on
 * questions it was not trained on. Deterministic for a seed.
 */
public final class QuestionFolds {
  /** The seed of the folds {@code hwgrade bench text --folds questions} measures on. */
  public static final long OUTER_SEED = 17;

  /** The seed of the folds training chooses its settings on. */
  static final long INNER_SEED = 5;

  private QuestionFolds() {}

  /**
   * The fold of each row, 0 to k - 1: the questions are shuffled with the seed and dealt out in
   * turn.
   *
   * @param dataset the dataset each row comes from (the same question text in two datasets is two
   *     questions)
   */
  public static int[] assign(List<AsagExample> rows, List<String> dataset, int k, long seed) {
    Map<String, Integer> group = new LinkedHashMap<>();
    int[] g = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      String key = dataset.get(i) + "\u0000" + rows.get(i).question().strip();
      g[i] = group.computeIfAbsent(key, x -> group.size());
    }
    List<Integer> order = new ArrayList<>();
    for (int q = 0; q < group.size(); q++) {
      order.add(q);
    }
    java.util.Collections.shuffle(order, new Random(seed));
    int[] foldOf = new int[group.size()];
    for (int j = 0; j < order.size(); j++) {
      foldOf[order.get(j)] = j % k;
    }
    int[] fold = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      fold[i] = foldOf[g[i]];
    }
    return fold;
  }

  /** How many distinct folds the rows fall in. */
  public static int count(int[] fold) {
    Set<Integer> s = new HashSet<>();
    for (int f : fold) {
      s.add(f);
    }
    return s.size();
  }

  /** How many questions the rows answer. */
  public static int questions(List<AsagExample> rows, List<String> dataset) {
    Set<String> s = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      s.add(dataset.get(i) + "\u0000" + rows.get(i).question().strip());
    }
    return s.size();
  }
}
