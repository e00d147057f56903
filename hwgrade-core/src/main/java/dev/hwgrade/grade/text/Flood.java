package dev.hwgrade.grade.text;

import dev.hwgrade.model.Grade;
import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.text.SentenceSplitter;
import java.util.List;
import java.util.Locale;

/**
 * An answer far longer than the question warrants: more than {@value #MIN_WORDS} words and more
 * than {@value #RATIO} times the words of the key points and the question together. A flood can
 * hold the key's phrases somewhere among unrelated text, so it is not credited on its best
 * sentence: the sentences of its opening {@value #MIN_WORDS} words are graded (the passage a reader
 * would give it), and the verdict is at most partially correct in decide mode and needs review
 * otherwise. An ordinary long explanation (a few hundred words) is not a flood.
 */
final class Flood {
  static final int MIN_WORDS = 1500;
  static final int RATIO = 20;
  static final int MAX_SENTENCE_WORDS = 60;

  private final int words;
  private final int reference;

  private Flood(int words, int reference) {
    this.words = words;
    this.reference = reference;
  }

  static Flood of(String visible, List<KeyPoint> points, String question) {
    int ref = count(question);
    for (KeyPoint p : points) {
      ref += count(p.text());
    }
    return new Flood(count(visible), Math.max(1, ref));
  }

  boolean isFlood() {
    return words > MIN_WORDS && words > (long) RATIO * reference;
  }

  /**
   * What of a flood is graded: the sentences of its opening {@value #MIN_WORDS} words that are
   * sentences in length (at most {@value #MAX_SENTENCE_WORDS} words; a run of words without a stop
   * is not a passage that makes a point). Empty when there are none.
   */
  String head(String text) {
    String[] w = text.strip().split("\\s+", MIN_WORDS + 1);
    String opening =
        w.length <= MIN_WORDS ? text : String.join(" ", List.of(w).subList(0, MIN_WORDS));
    StringBuilder sb = new StringBuilder();
    for (String s : SentenceSplitter.sentences(opening)) {
      if (count(s) <= MAX_SENTENCE_WORDS) {
        sb.append(sb.length() == 0 ? "" : "\n\n").append(s);
      }
    }
    return sb.toString();
  }

  /** What the flood is, for an explanation. */
  String note() {
    return String.format(
        Locale.ROOT,
        "A flood of %d words, %d times the key and question together; only the sentences of its"
            + " first %d words were read.",
        words,
        words / reference,
        MIN_WORDS);
  }

  /** The grade of a flood whose opening passage was graded into {@code outcomes}. */
  Grade grade(
      boolean decide,
      String extracted,
      String summary,
      List<String> evidence,
      String grader,
      Verdict fromPoints) {
    String why = note() + " A flood is not credited in full: " + summary;
    if (!decide) {
      return new Grade(Verdict.NEEDS_REVIEW, 0.0, 0.5, extracted, why, evidence, null, grader);
    }
    Verdict v = fromPoints == Verdict.INCORRECT ? Verdict.INCORRECT : Verdict.PARTIALLY_CORRECT;
    return new Grade(
        v, v == Verdict.INCORRECT ? 0.0 : 0.5, 0.5, extracted, why, evidence, null, grader);
  }

  private static int count(String text) {
    return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }
}
