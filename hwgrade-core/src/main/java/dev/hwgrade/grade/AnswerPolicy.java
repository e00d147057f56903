package dev.hwgrade.grade;

import dev.hwgrade.extract.Candidates;
import dev.hwgrade.extract.FinalAnswerExtractor;
import dev.hwgrade.extract.HiddenText;
import dev.hwgrade.extract.MathAnswer;
import dev.hwgrade.extract.NonAnswers;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What counts as the answer, for every grader: the step between extraction and the grader of a
 * part's kind. Text a reader cannot see is dropped; a hedge or refusal is unanswered; an answer
 * that only denies a value states none; and an answer that commits to several different final
 * answers (two final statements, "B or C", a list of candidates) has each candidate graded: all
 * correct is correct, anything else is incorrect, with the explanation saying why. Against a key
 * that is itself several values (a set, a tuple, a select-all choice) a list is the answer, and
 * explanations (text keys) are graded as written.
 */
public final class AnswerPolicy {
  /** More candidates than this are not graded one by one: the answer is a list of guesses. */
  private static final int MAX_CANDIDATES = 8;

  private static final Pattern SEVERAL_LETTERS =
      Pattern.compile("^\\s*\\(?[A-Za-z]\\)?\\s*(?:(?:,|;|&|\\band\\b)\\s*\\(?[A-Za-z]\\)?\\s*)+$");
  private static final Pattern LIST_SEPARATOR =
      Pattern.compile(",(?!\\d{3}(?!\\d))|;|\\\\pm|±|\\band\\b|\\bor\\b|\\\\cup|\\\\begin\\{");

  private static final int MAX_CACHED_KEYS = 10_000;

  /** Per kind, whether each key text is several values; keyed by the text, whose hash is kept. */
  private static final Map<Kind, ConcurrentHashMap<String, Boolean>> SEVERAL_VALUED =
      new EnumMap<>(Kind.class);

  static {
    for (Kind k : Kind.values()) {
      SEVERAL_VALUED.put(k, new ConcurrentHashMap<>());
    }
  }

  private AnswerPolicy() {}

  /** Grades the answer with {@code grader}, applying the policy first. */
  public static Grade grade(Part part, Answer answer, Grader grader) {
    Kind kind = part.key().kind();
    Answer a = visible(answer);
    if (!a.hasFinalAnswer() && a.reasoning().isBlank()) {
      return unanswered(answer, "no visible answer: the response's text is hidden from a reader");
    }
    if (kind == Kind.TEXT) {
      // The text grader reads hidden text itself: a key point found only there is a sign of
      // gaming, not an absent answer.
      return grader.grade(part, answer);
    }
    if ((kind == Kind.NUMERIC || kind == Kind.EXPRESSION) && NonAnswers.isRefusal(a.text())) {
      return unanswered(a, "the response only hedges or declines: '" + shorten(a.text()) + "'");
    }
    if (!a.hasFinalAnswer()) {
      return grader.grade(part, a);
    }
    if (a.finalAnswer().contains("\\boxed{")) {
      FinalAnswerExtractor.Extraction e = FinalAnswerExtractor.extractMarked(a.finalAnswer());
      if (e.answer() != null) {
        List<String> others = new ArrayList<>(a.otherFinalAnswers());
        others.addAll(e.others());
        a = new Answer(a.partId(), a.reasoning(), e.answer(), a.location(), others);
      }
    }
    if (severalValued(part)) {
      if (a.otherFinalAnswers().isEmpty()) {
        return grader.grade(part, a);
      }
      List<String> all = new ArrayList<>(a.otherFinalAnswers());
      all.add(a.finalAnswer());
      return grader.grade(part, a.withFinalAnswer(String.join(", ", all)));
    }
    Candidates.Reading reading = Candidates.read(a.finalAnswer(), kind == Kind.BOOLEAN);
    List<String> candidates = new ArrayList<>(reading.stated());
    for (String other : a.otherFinalAnswers()) {
      if (!candidates.contains(other)) {
        candidates.add(other);
      }
    }
    if (candidates.isEmpty()) {
      String denied = String.join("; ", reading.denied());
      return new Grade(
          Verdict.INCORRECT,
          0,
          0.9,
          a.finalAnswer(),
          "The answer denies "
              + denied
              + " and states no answer of its own: '"
              + shorten(a.finalAnswer())
              + "'.",
          List.of(),
          null,
          grader.name());
    }
    if (candidates.size() == 1) {
      String only = candidates.get(0);
      boolean same = only.equals(a.finalAnswer()) && reading.denied().isEmpty();
      return grader.grade(part, same ? a : a.withFinalAnswer(only));
    }
    return several(part, a, candidates, grader);
  }

  /** Each candidate graded alone: all correct is correct, anything else is incorrect. */
  private static Grade several(Part part, Answer a, List<String> candidates, Grader grader) {
    String listed = String.join("; ", candidates);
    String why =
        "The answer gives several different final answers: "
            + shorten(listed)
            + " — an answer must commit to one.";
    if (candidates.size() > MAX_CANDIDATES) {
      return new Grade(Verdict.INCORRECT, 0, 0.9, listed, why, List.of(), null, grader.name());
    }
    List<Grade> grades = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (String c : candidates) {
      Grade g = grader.grade(part, new Answer(a.partId(), "", c, a.location()));
      grades.add(g);
      evidence.add("'" + shorten(c) + "': " + g.verdict().id() + " — " + g.explanation());
    }
    boolean allCorrect = grades.stream().allMatch(g -> g.verdict() == Verdict.CORRECT);
    if (allCorrect) {
      Grade first = grades.get(0);
      return new Grade(
          Verdict.CORRECT,
          1,
          first.confidence(),
          listed,
          "The answer writes one value several ways ("
              + shorten(listed)
              + "); each matches the key.",
          evidence,
          null,
          grader.name());
    }
    long definite =
        grades.stream()
            .filter(g -> g.verdict() != Verdict.NEEDS_REVIEW && g.verdict() != Verdict.UNANSWERED)
            .count();
    boolean anyCorrect = grades.stream().anyMatch(g -> g.verdict() == Verdict.CORRECT);
    if (anyCorrect && definite < grades.size() && definite < 2) {
      return Grade.needsReview(
          listed,
          "The answer may give several final answers ("
              + shorten(listed)
              + "), and not all of them could be read.",
          grader.name());
    }
    return new Grade(
        Verdict.INCORRECT,
        0,
        0.9,
        listed,
        why,
        evidence,
        "Several candidates instead of one: consistent with a model unsure of its answer.",
        grader.name());
  }

  /** Whether the key is itself several values, so that a list in the answer is the answer. */
  static boolean severalValued(Part part) {
    String key = part.key().answer();
    if (key == null) {
      return false;
    }
    ConcurrentHashMap<String, Boolean> cache = SEVERAL_VALUED.get(part.key().kind());
    Boolean known = cache.get(key);
    if (known == null) {
      known = readSeveralValued(part, key);
      if (cache.size() > MAX_CACHED_KEYS) {
        cache.clear();
      }
      cache.put(key, known);
    }
    return known;
  }

  private static boolean readSeveralValued(Part part, String key) {
    return switch (part.key().kind()) {
      case CHOICE -> SEVERAL_LETTERS.matcher(key).matches();
      case EXPRESSION, NUMERIC -> {
        String k = part.key().kind() == Kind.EXPRESSION ? MathAnswer.extract(key) : key;
        String s = k.strip();
        yield LIST_SEPARATOR.matcher(k).find()
            || (part.key().kind() == Kind.EXPRESSION && isCondition(s))
            || s.startsWith("{")
            || s.startsWith("\\{")
            || s.startsWith("[")
            || (s.startsWith("(") && s.contains(","));
      }
      default -> false;
    };
  }

  /**
   * Whether an expression key is a condition whose solutions may be several values ({@code x^2 =
   * 4}, {@code xy = 0}, {@code x \ne 2}, {@code x > 3}): an answer joining relations with "or"
   * states its solution set, one answer, not candidates. A key that only names its value ({@code x
   * = 5}, {@code f(x) = 2x}) is not.
   */
  static boolean isCondition(String key) {
    if (INEQUALITY.matcher(key).find()) {
      return true;
    }
    int eq = key.indexOf('=');
    if (eq < 0) {
      return false;
    }
    return !NAMED_LEFT_SIDE.matcher(key.substring(0, eq).strip()).matches();
  }

  private static final Pattern INEQUALITY =
      Pattern.compile("[<>≤≥≠]|!=|\\\\(?:ne|neq|le|ge|leq|geq|lt|gt|lor|land|vee|wedge)\\b");
  private static final Pattern NAMED_LEFT_SIDE =
      Pattern.compile("(?:[A-Za-z]|\\\\[A-Za-z]+)(?:_\\{?\\w+\\}?)?'*(?:\\([^()=]*\\))?");

  private static Answer visible(Answer a) {
    String fin = a.finalAnswer();
    String reasoning = a.reasoning();
    boolean hidden =
        (fin != null && HiddenText.mayHide(fin))
            || (reasoning != null && HiddenText.mayHide(reasoning));
    if (!hidden) {
      return a;
    }
    return new Answer(
        a.partId(),
        HiddenText.strip(reasoning),
        fin == null ? null : HiddenText.strip(fin),
        a.location(),
        a.otherFinalAnswers());
  }

  private static Grade unanswered(Answer a, String why) {
    String said = a == null || a.text() == null ? "" : a.text().strip();
    return new Grade(
        Verdict.UNANSWERED, 0, 1, said, capitalise(why) + ".", List.of(), null, "engine");
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String shorten(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= 120 ? t : t.substring(0, 117) + "…";
  }
}
