package dev.hwgrade.grade.choice;

import dev.hwgrade.grade.Grader;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grades multiple-choice answers. The key's answer is an option letter (or several, {@code A, C},
 * for select-all questions) or an option's text; the model's choice is read by {@link
 * ChoiceReader}.
 */
public final class ChoiceGrader implements Grader {
  private final GradingOptions options;

  public ChoiceGrader(GradingOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "choice";
  }

  @Override
  public Grade grade(Part part, Answer answer) {
    var opts = part.key().options();
    Set<String> key = ChoiceReader.keyLetters(part.key().answer(), opts);
    if (key.isEmpty()) {
      return Grade.needsReview(
          answer.text(), "the key '" + part.key().answer() + "' names no option", name());
    }
    ChoiceReader.Reading r = ChoiceReader.read(answer.text(), opts);
    if (r == null && answer.hasFinalAnswer()) {
      r = ChoiceReader.read(answer.reasoning(), opts);
    }
    if (r == null || r.letters().isEmpty()) {
      String why = "no option (" + String.join(", ", opts.keySet()) + ") found in the answer";
      return Grade.unreadable(answer.text(), why, options.decide(), name());
    }
    Set<String> got = new TreeSet<>(r.letters());
    String said = String.join(", ", got);
    List<String> evidence = List.of("read " + said + " from: " + r.evidence());
    if (key.size() == 1 && got.size() > 1) {
      return new Grade(
          Verdict.INCORRECT,
          0,
          r.confidence(),
          said,
          "The answer names several options ("
              + said
              + ") where one is expected — an answer must commit to one; the key is "
              + describe(key, opts)
              + ".",
          evidence,
          "The model hedged between options instead of choosing one.",
          name());
    }
    if (got.equals(key)) {
      return new Grade(
          Verdict.CORRECT,
          1,
          r.confidence(),
          said,
          "The model chooses " + describe(got, opts) + ", as the key does.",
          evidence,
          null,
          name());
    }
    if (key.size() > 1) {
      return selectAll(key, got, said, r.confidence(), evidence);
    }
    return new Grade(
        Verdict.INCORRECT,
        0,
        r.confidence(),
        said,
        "The model chooses " + describe(got, opts) + "; the key is " + describe(key, opts) + ".",
        evidence,
        null,
        name());
  }

  /**
   * A select-all answer: wrong picks cost as much as right picks earn, so marking every option
   * earns no more than marking none. Score = max(0, (right picked − wrong picked) / keyed count).
   */
  private Grade selectAll(
      Set<String> key, Set<String> got, String said, double confidence, List<String> evidence) {
    Set<String> right = new TreeSet<>(got);
    right.retainAll(key);
    Set<String> wrong = new TreeSet<>(got);
    wrong.removeAll(key);
    double score = Math.max(0, (double) (right.size() - wrong.size()) / key.size());
    String why =
        "The model chooses "
            + said
            + "; the key is "
            + String.join(", ", key)
            + " ("
            + right.size()
            + " right, "
            + wrong.size()
            + " wrong of "
            + key.size()
            + " keyed; each wrong pick cancels a right one).";
    if (score <= 0) {
      return new Grade(
          Verdict.INCORRECT,
          0,
          confidence,
          said,
          why,
          evidence,
          "The wrong options chosen outweigh the right ones.",
          name());
    }
    return new Grade(
        Verdict.PARTIALLY_CORRECT,
        score,
        confidence,
        said,
        why,
        evidence,
        "Some of the right options chosen, but not exactly the key's set.",
        name());
  }

  private static String describe(Set<String> letters, java.util.Map<String, String> opts) {
    if (letters.size() == 1) {
      String l = letters.iterator().next();
      String text = opts.get(l);
      return text == null ? l : l + " (" + shorten(text) + ")";
    }
    return String.join(", ", letters);
  }

  private static String shorten(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= 60 ? t : t.substring(0, 57) + "…";
  }
}
