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
import dev.hwgrade.quantity.Magnitudes;
import dev.hwgrade.quantity.QuantityScanner;
import dev.hwgrade.quantity.TextNormalizer;
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
      return Grade.needsReview(answer.text(), "The numeric key cannot be used: " + p.getMessage() + ".", name());
    }
    NumericKey key = (NumericKey) parsed;
    String text = answer.text();
    String boxed = TextNormalizer.lastBoxed(text);
    QuantityScanner.Scan scan = scanner.scan(boxed != null ? boxed : text);
    if (scan.amounts().isEmpty() && answer.hasFinalAnswer()) {
      scan = scanner.scan(answer.fullText());
    }
    AnswerPicker.Pick pick = AnswerPicker.pick(scan, key.primary(), key.label(), givens(part.question()));
    if (pick == null) {
      return noNumber(text);
    }
    return new Judgement(part, answer, key, pick).grade();
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
      return new Grade(Verdict.INCORRECT, 0, 0.6, text, why, List.of(), "no figure was given; consistent with a "
          + "qualitative answer to a quantitative question.", name());
    }
    return Grade.needsReview(text, why, name());
  }

  /** The grading of one answer, once its quantity has been picked. */
  private final class Judgement {
    private final Part part;
    private final Answer answer;
    private final NumericKey key;
    private final AnswerPicker.Pick pick;

    Judgement(Part part, Answer answer, NumericKey key, AnswerPicker.Pick pick) {
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
      List<String> evidence = evidence(a, e);
      List<String> rivalNotes = new ArrayList<>();
      boolean conflicting = false;
      for (Amount r : pick.rivals()) {
        Evaluation re = Evaluation.best(r, key);
        if (re != null && re.verdict() != e.verdict()) {
          conflicting = true;
          rivalNotes.add(r.text() + " (" + re.verdict().label() + ")");
        }
      }
      if (conflicting && !options.decide()) {
        String why = "The response states several figures of the key's kind that would be graded differently — "
            + String.join(", ", rivalNotes) + " and " + a.text() + " (" + e.verdict().label()
            + ") — and none stands out as the final answer.";
        return new Grade(Verdict.NEEDS_REVIEW, 0, 0, a.text(), why, evidence, null, name());
      }
      if (e.fit() == Fit.KEY_HAS_NO_UNIT && e.verdict() != Verdict.CORRECT && !options.decide()) {
        return new Grade(Verdict.NEEDS_REVIEW, 0, 0, a.text(),
            "The key gives no unit, so " + a.text() + " cannot be converted to it; the written number does not "
                + "match the key's " + e.target().display() + ".", evidence, null, name());
      }
      String explanation = readingNote(a, e) + tierSentence(a, e);
      double score = switch (e.verdict()) {
        case CORRECT -> 1.0;
        case PARTIALLY_CORRECT -> 0.5;
        default -> 0.0;
      };
      String diagnosis = null;
      if (e.verdict() != Verdict.CORRECT) {
        diagnosis =
            DiscrepancyExplainer.explain(
                new DiscrepancyExplainer.Miss(
                    shown(a, e), e.value(), e.target(), e.target().unit(), e.fit(), part.question(),
                    part.key().explanation(), answer.fullText()));
      }
      double confidence = Math.round(confidence(e, conflicting) * 100) / 100.0;
      return new Grade(e.verdict(), score, confidence, a.text(), explanation, evidence, diagnosis, name());
    }

    private Grade mismatch(Amount a) {
      KeyTarget k = key.primary();
      String explanation =
          a.text() + " is " + DimensionNames.describe(a.unit()) + " (" + a.unit().label() + "), but the key's "
              + k.display() + " is " + DimensionNames.describe(k.unit()) + ": the dimensions differ.";
      List<String> evidence = List.of("read: " + a.text(), "key: " + k.display(),
          "response dimension: " + DimensionNames.describe(a.unit()),
          "key dimension: " + DimensionNames.describe(k.unit()));
      String diagnosis = DiscrepancyExplainer.explainDimension(a.text(), a.unit(), k);
      return new Grade(Verdict.INCORRECT, 0, 0.85, a.text(), explanation, evidence, diagnosis, name());
    }

    private String readingNote(Amount a, Evaluation e) {
      KeyTarget k = e.target();
      switch (e.fit()) {
        case UNITLESS:
          if (e.asFraction()) {
            return "The response gives no unit; " + a.text() + " is read as a fraction, "
                + Magnitudes.format(e.value()) + "%. ";
          }
          return "The response gives no unit, so " + a.text() + " is read in the key's unit, " + k.unit().label()
              + ". ";
        case COUNT_ADOPTED:
        case PER_ADOPTED:
          return "The response gives " + a.text() + " without saying per what; it is read in the key's unit, "
              + Magnitudes.label(k.unit()) + ". ";
        case COUNT_DIFFERS:
          return "The response's unit " + a.unit().label() + " counts something else than the key's "
              + k.unit().label() + "; only the measured part is compared. ";
        case BARE_COUNT:
          return "";
        case KEY_HAS_NO_UNIT:
          return "The key gives no unit; the written number of " + a.text() + " is compared. ";
        default:
          return "";
      }
    }

    private String tierSentence(Amount a, Evaluation e) {
      KeyTarget k = e.target();
      String shown = shown(a, e);
      double nearest = k.nearest(e.value());
      String tol = tolerance();
      if (e.verdict() == Verdict.CORRECT) {
        if (a.isRange()) {
          return "The range " + shown + " lies close to the key's " + k.display() + " (middle "
              + Magnitudes.format(e.value()) + "), within " + tol + ".";
        }
        if (k.isRange() && e.value() >= k.low() && e.value() <= k.high()) {
          return shown + " lies inside the key's range " + k.display() + ".";
        }
        double rel = nearest == 0 ? 0 : (e.value() - nearest) / Math.abs(nearest);
        String off = Math.abs(rel) < 5e-4 ? "matches" : "is " + percent(Math.abs(rel)) + (rel > 0 ? " above" : " below");
        return shown + " " + off + " the key's " + k.display() + ", within " + tol + ".";
      }
      String ratioText;
      if (nearest == 0 || e.value() == 0 || Math.signum(nearest) != Math.signum(e.value())) {
        ratioText = shown + " is not near the key's " + k.display();
      } else {
        double ratio = e.value() / nearest;
        double r = ratio >= 1 ? ratio : 1 / ratio;
        ratioText =
            r < 1.5
                ? shown + " is " + percent(Math.abs(ratio - 1)) + (ratio >= 1 ? " above" : " below") + " the key's "
                    + k.display()
                : shown + " is " + Magnitudes.ratio(r) + "× " + (ratio >= 1 ? "higher" : "lower") + " than the key's "
                    + k.display();
      }
      if (a.isRange()) {
        ratioText = "The range " + ratioText.replaceFirst(" is ", " (middle " + Magnitudes.format(e.value()) + ") is ");
      }
      if (e.verdict() == Verdict.PARTIALLY_CORRECT) {
        return ratioText + ": outside " + tol + " but within the factor " + Magnitudes.ratio(key.partialWithin())
            + " that earns partial credit.";
      }
      return ratioText + ": outside " + tol
          + (key.partialWithin() == null
              ? ", and the key gives no partial credit."
              : " and beyond the factor " + Magnitudes.ratio(key.partialWithin()) + " for partial credit.");
    }

    private String tolerance() {
      if (key.sigfigs() != null && key.tolerance() == 0) {
        return "the " + key.sigfigs() + " significant figures the key asks for";
      }
      String t = "the " + percent(key.tolerance()) + " tolerance";
      return key.sigfigs() != null ? t + " or " + key.sigfigs() + " significant figures" : t;
    }

    private List<String> evidence(Amount a, Evaluation e) {
      List<String> ev = new ArrayList<>();
      ev.add("read: " + a.text());
      ev.add("in the key's unit: " + Magnitudes.withUnit(e.value(), e.target().unit()));
      ev.add("key: " + e.target().display());
      double k = e.target().nearest(e.value());
      if (k != 0 && e.value() != 0 && Math.signum(k) == Math.signum(e.value())) {
        ev.add("ratio to key: " + Magnitudes.ratio(e.value() / k));
      }
      ev.add("tolerance: " + percent(key.tolerance()) + (key.sigfigs() == null ? "" : ", sigfigs " + key.sigfigs()));
      if (key.partialWithin() != null) {
        ev.add("partial within: factor " + Magnitudes.ratio(key.partialWithin()));
      }
      return ev;
    }

    private double confidence(Evaluation e, boolean conflicting) {
      double c = 0.95;
      double dist = e.distance();
      double tolDist = Math.log1p(key.tolerance());
      if (e.verdict() == Verdict.CORRECT && dist > 0.8 * tolDist && tolDist > 0) {
        c = 0.75;
      }
      if (e.verdict() != Verdict.CORRECT && Math.abs(dist - tolDist) < 0.2 * tolDist) {
        c = 0.75;
      }
      if (key.partialWithin() != null && Math.abs(dist - Math.log(key.partialWithin())) < 0.1) {
        c = Math.min(c, 0.75);
      }
      c -= switch (e.fit()) {
        case UNITLESS -> 0.1;
        case COUNT_ADOPTED, BARE_COUNT -> 0.05;
        case PER_ADOPTED -> 0.15;
        case COUNT_DIFFERS, KEY_HAS_NO_UNIT -> 0.3;
        default -> 0.0;
      };
      if (conflicting) {
        c = Math.min(c, 0.4);
      }
      return Math.max(0.05, c);
    }
  }

  /** The response's quantity as shown in explanations, with its reading in the key's unit. */
  private static String shown(Amount a, Evaluation e) {
    String in = Magnitudes.withUnit(e.value(), e.target().unit());
    if (a.isRange()) {
      return a.text() + " (" + Magnitudes.withUnit(e.low(), e.target().unit()) + " to "
          + Magnitudes.withUnit(e.high(), e.target().unit()) + ")";
    }
    boolean sameUnit = Math.abs(a.unit().factorTo(e.target().unit()) - 1) < 1e-12;
    if (e.fit() == Fit.EXACT && (a.unit().label().equals(e.target().unit().label()) || sameUnit && !a.isRange())
        || e.fit() == Fit.UNITLESS && !e.asFraction() || e.fit() == Fit.KEY_HAS_NO_UNIT) {
      return a.text().replaceAll("^[~≈]\\s*", "~");
    }
    return a.text().replaceAll("^[~≈]\\s*", "~") + " (= " + in + ")";
  }

  private static String percent(double fraction) {
    return Magnitudes.format(fraction * 100) + "%";
  }
}
