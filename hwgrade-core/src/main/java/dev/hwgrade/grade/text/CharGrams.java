package dev.hwgrade.grade.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spelling-tolerant overlap of a point and an answer: letter 3- and 4-grams of the content words
 * each brings beyond the question, and the point's word pairs found in the answer. Stems miss
 * "fizzles" for "fizz" and "evaprated" for "evaporated"; letter n-grams share most of them.
 */
final class CharGrams {
  private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

  // function words: they carry no content, and a shared "the" must not look like agreement
  private static final Set<String> STOP =
      Set.of(
          ("the a an of to and or in on at is are was were be been it its this that for with as by"
                  + " from will would can could should do does did not no so if then than there"
                  + " their they them he she his her you your we our i my me what which who how why"
                  + " when where because")
              .split(" "));

  /** Number of values {@link #features} returns. */
  static final int COUNT = 5;

  private CharGrams() {}

  /**
   * Cosine and recall of the point's letter 3-grams, the same for 4-grams, and the share of the
   * point's word pairs the answer has.
   */
  static double[] features(String question, String point, String answer) {
    Set<String> asked = new HashSet<>(words(question));
    List<String> pointWords = words(point);
    List<String> answerWords = words(answer);
    List<String> pointNew = content(pointWords, asked);
    List<String> answerNew = content(answerWords, asked);
    double[] out = new double[COUNT];
    int k = 0;
    for (int n = 3; n <= 4; n++) {
      Map<String, Integer> p = grams(pointNew, n);
      Map<String, Integer> a = grams(answerNew, n);
      out[k++] = cosine(p, a);
      out[k++] = recall(p, a);
    }
    out[k] = pairRecall(pointWords, answerWords);
    return out;
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static List<String> content(List<String> words, Set<String> asked) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (!STOP.contains(w) && !asked.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  private static Map<String, Integer> grams(List<String> words, int n) {
    Map<String, Integer> out = new HashMap<>();
    for (String w : words) {
      String padded = "#" + w + "#";
      for (int i = 0; i + n <= padded.length(); i++) {
        out.merge(padded.substring(i, i + n), 1, Integer::sum);
      }
    }
    return out;
  }

  private static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
    double dot = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      dot += e.getValue() * (double) b.getOrDefault(e.getKey(), 0);
    }
    double na = norm(a);
    double nb = norm(b);
    return na == 0 || nb == 0 ? 0 : dot / (na * nb);
  }

  private static double norm(Map<String, Integer> a) {
    double s = 0;
    for (int v : a.values()) {
      s += (double) v * v;
    }
    return Math.sqrt(s);
  }

  private static double recall(Map<String, Integer> want, Map<String, Integer> have) {
    int total = 0;
    int hit = 0;
    for (Map.Entry<String, Integer> e : want.entrySet()) {
      total += e.getValue();
      hit += Math.min(e.getValue(), have.getOrDefault(e.getKey(), 0));
    }
    return total == 0 ? 0 : (double) hit / total;
  }

  private static double pairRecall(List<String> want, List<String> have) {
    Set<String> w = pairs(want);
    if (w.isEmpty()) {
      return 0;
    }
    Set<String> h = pairs(have);
    int hit = 0;
    for (String p : w) {
      if (h.contains(p)) {
        hit++;
      }
    }
    return (double) hit / w.size();
  }

  private static Set<String> pairs(List<String> words) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 1 < words.size(); i++) {
      out.add(words.get(i) + ' ' + words.get(i + 1));
    }
    return out;
  }
}
