package dev.hwgrade.grade.numeric;

import dev.hwgrade.grade.Grader;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.quantity.Amount;
import dev.hwgrade.quantity.DimensionNames;
import dev.hwgrade.quantity.NumericExpression;
import dev.hwgrade.quantity.QuantityScanner;
import dev.hwgrade.quantity.QuantityUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grades numbers with units and Fermi estimates. Reads the response's final quantity as models
 * write it, converts it to the key's unit (a bare number is read in the key's unit; a unit of
 * another dimension is incorrect), decides the tier from the key's tolerance, significant figures
 * and partial factor, and explains every miss. Unsure picks — several conflicting figures that
 * would be graded differently — go to {@code needs_review} unless the options say to decide.
 * Thread-safe; keys are parsed once and cached.
 */
public final class NumericGrader implements Grader {
  private static final int MAX_CACHED_KEYS = 10_000;

  private final GradingOptions options;

  /** Words of a hedge between figures: "either … or …", "maybe", "perhaps", "possibly". */
  private static final java.util.regex.Pattern HEDGE =
      java.util.regex.Pattern.compile(
          "(?i)\\beither\\b|\\bor\\b|\\bmaybe\\b|\\bperhaps\\b|\\bpossibly\\b");

  /**
   * Significant figures written in the first number of {@code text}, or 0 when they cannot be
   * counted (an integer ending in zeros, such as 1500, is ambiguous).
   */
  static int writtenFigures(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("[-+−]?(\\d[\\d,]*)(?:\\.(\\d*))?").matcher(text);
    if (!m.find()) {
      return 0;
    }
    String whole = m.group(1).replace(",", "");
    String frac = m.group(2);
    if (frac == null) {
      String t = whole.replaceFirst("^0+", "");
      return t.isEmpty() || t.endsWith("0") ? 0 : t.length();
    }
    String digits = (whole + frac).replaceFirst("^0+", "");
    return digits.length();
  }

  private final QuantityScanner scanner = QuantityScanner.shared();
  private final ConcurrentHashMap<Key, Object> keys = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, List<Amount>> givenCache = new ConcurrentHashMap<>();

  public NumericGrader(GradingOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "numeric";
  }

  @Override
  public List<String> checkKey(Part part) {
    try {
      NumericKey.read(part.key());
      return List.of();
    } catch (NumericKey.KeyProblem e) {
      return List.of(e.getMessage());
    }
  }

  @Override
  public Grade grade(Part part, Answer answer) {
    Object parsed = keys.get(part.key());
    if (parsed == null) {
      try {
        parsed = NumericKey.read(part.key());
      } catch (NumericKey.KeyProblem e) {
        parsed = e;
      }
      if (keys.size() > MAX_CACHED_KEYS) {
        keys.clear();
      }
      keys.put(part.key(), parsed);
    }
    if (parsed instanceof NumericKey.KeyProblem p) {
      return Grade.needsReview(
          answer.text(), "The numeric key cannot be used: " + p.getMessage() + ".", name());
    }
    NumericKey key = (NumericKey) parsed;
    String text = answer.text();
    QuantityScanner.Scan scan = scanner.scan(text);
    if (scan.amounts().isEmpty() && answer.hasFinalAnswer()) {
      scan = scanner.scan(answer.fullText());
    }
    if (key.isList()) {
      return ListGrading.grade(key, scan, name());
    }
    List<Amount> givens = givens(part.question());
    AnswerPicker.Pick pick = AnswerPicker.pick(scan, key.primary(), key.label(), givens);
    boolean fromReasoning = false;
    if ((pick == null || pick.fit().rank < Fit.COUNT_ADOPTED.rank)
        && answer.hasFinalAnswer()
        && !answer.reasoning().isBlank()) {
      // the final answer states no figure of the key's kind ("39,000 tokens fit" for MB/token):
      // the reasoning may
      AnswerPicker.Pick inReasoning =
          AnswerPicker.pick(scanner.scan(answer.reasoning()), key.primary(), key.label(), givens);
      if (inReasoning != null
          && inReasoning.fit().rank >= Fit.COUNT_ADOPTED.rank
          && (pick == null || inReasoning.fit().rank > pick.fit().rank)) {
        pick = inReasoning;
        fromReasoning = true;
      }
    }
    if (pick == null) {
      NumericExpression.Result x = NumericExpression.firstUnevaluable(scan.text());
      if (x != null) {
        String written = scan.text().substring(x.start(), x.end());
        return Grade.needsReview(
            written,
            "The response writes "
                + written
                + ", which cannot be evaluated ("
                + x.problem()
                + "); no number is taken from inside it.",
            name());
      }
      return noNumber(text);
    }
    if (!fromReasoning) {
      Grade bound = bound(scan.text(), pick.chosen());
      if (bound != null) {
        return bound;
      }
    }
    return new Judgement(part, answer, key, pick, fromReasoning).grade();
  }

  /** A strict inequality right before a figure: "x > 2", "T \\gt 300 K", "more than 12". */
  private static final java.util.regex.Pattern STRICT_BOUND =
      java.util.regex.Pattern.compile(
          "(?i)(?:(?<![-=<>])[<>]|\\\\[lg]t|\\b(?:more|less|greater|fewer)\\s+than)\\s*$");

  /**
   * The grade of an answer whose figure is a strict bound ("x > 2", "more than 12"): it names the
   * key's figure without stating it as the value, and may be right (a threshold asked for) or wrong
   * (a value asked for), so a person decides; it is never credited. A bound that includes its
   * figure ("at least 8 GPUs") is graded as that figure: it states the minimum. Null for a value.
   */
  private Grade bound(String text, Amount chosen) {
    int at = Math.max(0, Math.min(chosen.start(), text.length()));
    String before = text.substring(Math.max(0, at - 40), at);
    java.util.regex.Matcher strict = STRICT_BOUND.matcher(before);
    if (!strict.find()) {
      return null;
    }
    String figure = text.substring(at, Math.min(text.length(), Math.max(at, chosen.end())));
    String stated = (strict.group().strip() + " " + figure).strip();
    return Grade.needsReview(
            stated,
            "The answer states a strict bound, '"
                + stated
                + "', not a value: it is right only if a threshold was asked for, which a person"
                + " decides.",
            name())
        .withEvidence(List.of("bound read: " + stated));
  }

  /** Quantities the question gives, cached per question text. */
  private List<Amount> givens(String question) {
    if (question == null || question.isBlank()) {
      return List.of();
    }
    List<Amount> cached = givenCache.get(question);
    if (cached == null) {
      cached = scanner.scan(question).amounts();
      if (givenCache.size() > MAX_CACHED_KEYS) {
        givenCache.clear();
      }
      givenCache.put(question, cached);
    }
    return cached;
  }

  private Grade noNumber(String text) {
    String why = "The response gives no number to compare with the key.";
    if (options.decide()) {
      return new Grade(
          Verdict.INCORRECT,
          0,
          0.6,
          text,
          why,
          List.of(),
          "no figure was given; consistent with a "
              + "qualitative answer to a quantitative question.",
          name());
    }
    return Grade.needsReview(text, why, name())
        .withDiagnosis(
            "No figure was given; consistent with a qualitative answer to a quantitative question,"
                + " or with a final answer that only refers back to the working.");
  }

  /** The grading of one answer, once its quantity has been picked. */
  private final class Judgement {
    private final Part part;
    private final Answer answer;
    private final NumericKey key;
    private final AnswerPicker.Pick pick;

    private final boolean fromReasoning;

    Judgement(
        Part part, Answer answer, NumericKey key, AnswerPicker.Pick pick, boolean fromReasoning) {
      this.fromReasoning = fromReasoning;
      this.part = part;
      this.answer = answer;
      this.key = key;
      this.pick = pick;
    }

    Grade grade() {
      Amount a = pick.chosen();
      Evaluation e = Evaluation.best(a, key);
      if (e == null) {
        return mismatch(a);
      }
      NumericWording words = new NumericWording(key);
      List<String> evidence = words.evidence(a, e);
      List<String> rivalNotes = new ArrayList<>();
      boolean conflicting = false;
      for (Amount r : pick.rivals()) {
        Evaluation re = Evaluation.best(r, key);
        if (re != null && re.verdict() != e.verdict()) {
          conflicting = true;
          rivalNotes.add(r.text() + " (" + re.verdict().label() + ")");
        }
      }
      if (conflicting && !fromReasoning && HEDGE.matcher(answer.text()).find()) {
        // "either 35.3 m or 20.4 m, depending on …": a list of candidates, not an answer
        return new Grade(
            Verdict.INCORRECT,
            0,
            0.9,
            a.text(),
            "The answer hedges between figures that would be graded differently — "
                + String.join(", ", rivalNotes)
                + " and "
                + a.text()
                + " ("
                + e.verdict().label()
                + ") — an answer must commit to one.",
            evidence,
            "Several candidates instead of one: consistent with a model unsure of its answer.",
            name());
      }
      Grade figures = tooFewFigures(a, e);
      if (figures != null) {
        return figures;
      }
      if (conflicting && !options.decide()) {
        String why =
            "The response states several figures of the key's kind that would be graded differently"
                + " — "
                + String.join(", ", rivalNotes)
                + " and "
                + a.text()
                + " ("
                + e.verdict().label()
                + ") — and none stands out as the final answer.";
        String hedge =
            "Several figures compete: consistent with hedging between estimates, or with answering"
                + " several quantities at once without saying which one the question asks for.";
        return new Grade(Verdict.NEEDS_REVIEW, 0, 0, a.text(), why, evidence, hedge, name());
      }
      if (e.fit() == Fit.KEY_HAS_NO_UNIT && e.verdict() != Verdict.CORRECT && !options.decide()) {
        return new Grade(
            Verdict.NEEDS_REVIEW,
            0,
            0,
            a.text(),
            "The key gives no unit, so "
                + a.text()
                + " cannot be converted to it; the written number does not "
                + "match the key's "
                + e.target().display()
                + ".",
            evidence,
            "Consistent with a key that leaves out its unit: the response's "
                + a.unit().label()
                + " cannot be checked against it.",
            name());
      }
      Grade systemUnit = bareInSystemUnit(a, e);
      if (systemUnit != null) {
        return systemUnit;
      }
      String explanation =
          (fromReasoning
                  ? "The final answer gives no figure of the key's kind; "
                      + a.text()
                      + " is read from the reasoning. "
                  : "")
              + words.explanation(a, e);
      double score =
          switch (e.verdict()) {
            case CORRECT -> 1.0;
            case PARTIALLY_CORRECT -> 0.5;
            default -> 0.0;
          };
      String diagnosis = null;
      if (e.verdict() != Verdict.CORRECT) {
        diagnosis =
            DiscrepancyExplainer.explain(
                new DiscrepancyExplainer.Miss(
                    NumericWording.shown(a, e),
                    e.value(),
                    e.target(),
                    e.target().unit(),
                    e.fit(),
                    part.question(),
                    part.key().explanation(),
                    answer.fullText()));
      }
      double confidence =
          Math.round(Confidence.of(key, e, conflicting) * (fromReasoning ? 0.8 : 1.0) * 100)
              / 100.0;
      return new Grade(
          e.verdict(), score, confidence, a.text(), explanation, evidence, diagnosis, name());
    }

    /**
     * A bare number that misses in the key's unit but is the key in its SI unit without the key's
     * prefix — {@code I = 0.002} for 2 mA — or in radians for a key in degrees ({@code θ = 0.785}
     * for 45°) may well be meant in that unit: a person decides, rather than a verdict of incorrect
     * on a unit left unsaid. Null otherwise, and for units that are no prefix of their SI unit
     * ({@code 5400} for 1.5 hours stays incorrect).
     */
    private Grade bareInSystemUnit(Amount a, Evaluation e) {
      QuantityUnit unit = e.target().unit();
      double factor = unit.factor();
      if (options.decide()
          || e.fit() != Fit.UNITLESS
          || e.verdict() == Verdict.CORRECT
          || e.asFraction()
          || a.isRange()
          || unit.isNone()
          || unit.percent()
          || unit.offset() != 0
          || Math.abs(factor - 1) < 1e-9) {
        return null;
      }
      boolean degrees = unit.label().contains("°") || unit.label().startsWith("deg");
      double decades = Math.log10(factor);
      boolean prefix = Fit.physical(unit) && Math.abs(decades - Math.rint(decades)) < 1e-9;
      if (!degrees && !prefix) {
        return null; // 5400 for 1.5 hours: seconds are no prefix of an hour
      }
      Tiers.Tolerance tol =
          new Tiers.Tolerance(key.tolerance(), key.sigfigs(), key.partialWithin());
      if (Tiers.decide(e.target().low(), e.target().high(), e.value() / factor, tol)
          != Verdict.CORRECT) {
        return null;
      }
      String system = unit.measured().getSystemUnit().toString();
      String systemName = system.equals("one") ? "radians" : system;
      return new Grade(
          Verdict.NEEDS_REVIEW,
          0,
          0,
          a.text(),
          "The response gives no unit: "
              + a.text()
              + " read in the key's unit, "
              + unit.label()
              + ", misses the key's "
              + e.target().display()
              + ", but read in "
              + systemName
              + " it is the key. A person decides which unit was meant.",
          List.of("read: " + a.text(), "key: " + e.target().display()),
          "Consistent with an answer in " + systemName + " that leaves its unit out.",
          name());
    }

    /**
     * With {@code sigfigs} and no tolerance, an answer that writes fewer significant figures than
     * asked ({@code 1.5 g} for 3 figures) has not given the figures: incorrect, whatever it rounds
     * to. Only for a number in the key's own unit whose figures can be counted.
     */
    private Grade tooFewFigures(Amount a, Evaluation e) {
      Integer asked = key.sigfigs();
      if (asked == null
          || key.tolerance() != 0
          || e.verdict() != Verdict.CORRECT
          || a.isRange()
          || !(e.fit() == Fit.UNITLESS
              || e.fit() == Fit.EXACT && a.unit().label().equals(e.target().unit().label()))) {
        return null;
      }
      int written = writtenFigures(a.text());
      if (written <= 0 || written >= asked) {
        return null;
      }
      return new Grade(
          Verdict.INCORRECT,
          0,
          0.9,
          a.text(),
          a.text()
              + " gives "
              + written
              + " significant figure"
              + (written == 1 ? "" : "s")
              + " where the key asks for "
              + asked
              + ": the value agrees, the precision does not.",
          new NumericWording(key).evidence(a, e),
          "Too few significant figures: consistent with rounding too early or dropping trailing"
              + " zeros.",
          name());
    }

    private Grade mismatch(Amount a) {
      KeyTarget k = key.primary();
      if (a.unit().isUnread()) {
        return Grade.needsReview(
                a.text(),
                "The response writes its figure with a unit hwgrade cannot read, '"
                    + a.unit().label()
                    + "' (in "
                    + a.text()
                    + "), so it cannot be compared with the key's "
                    + k.display()
                    + ".",
                name())
            .withDiagnosis(
                "An unread unit: consistent with a typo, a non-standard abbreviation or a unit"
                    + " outside the SI, US customary and UCUM systems.");
      }
      List<String> evidence =
          List.of(
              "read: " + a.text(),
              "key: " + k.display(),
              "response dimension: " + DimensionNames.describe(a.unit()),
              "key dimension: " + DimensionNames.describe(k.unit()));
      String diagnosis = DiscrepancyExplainer.explainDimension(a.text(), a.unit(), k);
      return new Grade(
          Verdict.INCORRECT,
          0,
          0.85,
          a.text(),
          NumericWording.dimensionMismatch(a, k),
          evidence,
          diagnosis,
          name());
    }
  }
}
