package dev.hwgrade.grade.numeric;

import dev.hwgrade.model.Verdict;
import dev.hwgrade.quantity.Amount;
import dev.hwgrade.quantity.DimensionNames;
import dev.hwgrade.quantity.Magnitudes;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a numeric grade: how the response was read, how far it is from the key and which
 * tier that gives, and the evidence list — kept apart from the decision so each can change alone.
 */
final class NumericWording {
  private final NumericKey key;

  NumericWording(NumericKey key) {
    this.key = key;
  }

  /** The explanation of a grade: the reading note, then the tier sentence. */
  String explanation(Amount a, Evaluation e) {
    return readingNote(a, e) + tierSentence(a, e) + figuresNote(a, e);
  }

  /** With {@code sigfigs}: both values rounded half-up to the asked figures. */
  private String figuresNote(Amount a, Evaluation e) {
    Integer n = key.sigfigs();
    if (n == null || a.isRange() || e.target().isRange()) {
      return "";
    }
    String k = Tiers.rounded(e.target().low(), n).toString();
    String v = Tiers.rounded(e.value(), n).toString();
    return " At "
        + n
        + " significant figures (rounding half up) the key is "
        + k
        + (k.equals(v) ? " and so is the answer." : " but the answer is " + v + ".");
  }

  /** The explanation of a unit of another dimension. */
  static String dimensionMismatch(Amount a, KeyTarget k) {
    if (a.unit().angularAgainstCycles(k.unit())) {
      return a.text()
          + (a.unit().isAngularRate()
              ? " is an angular frequency, but the key's "
              : " is a frequency in cycles, but the key's ")
          + k.display()
          + (a.unit().isAngularRate() ? " is a frequency in cycles" : " is an angular frequency")
          + ": ω = 2πf, so they are different rates.";
    }
    return a.text()
        + " is "
        + DimensionNames.describe(a.unit())
        + " ("
        + a.unit().label()
        + "), but the key's "
        + k.display()
        + " is "
        + DimensionNames.describe(k.unit())
        + ": the dimensions differ.";
  }

  private String readingNote(Amount a, Evaluation e) {
    KeyTarget k = e.target();
    switch (e.fit()) {
      case UNITLESS:
        if (e.asFraction()) {
          return "The response gives no unit; "
              + a.text()
              + " is read as a fraction, "
              + Magnitudes.format(e.value())
              + "%. ";
        }
        return "The response gives no unit, so "
            + a.text()
            + " is read in the key's unit, "
            + Magnitudes.label(k.unit())
            + ". ";
      case COUNT_ADOPTED:
      case PER_ADOPTED:
        return "The response gives "
            + a.text()
            + " without saying per what; it is read in the key's unit, "
            + Magnitudes.label(k.unit())
            + ". ";
      case COUNT_DIFFERS:
        return "The response's unit "
            + a.unit().label()
            + " counts something other than the key's "
            + k.unit().label()
            + "; only the measured part is compared. ";
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
        return "The range "
            + shown
            + " lies close to the key's "
            + k.display()
            + " (middle "
            + Magnitudes.format(e.value())
            + "), within "
            + tol
            + ".";
      }
      if (k.isRange() && e.value() >= k.low() && e.value() <= k.high()) {
        return shown + " lies inside the key's range " + k.display() + ".";
      }
      double rel = nearest == 0 ? 0 : (e.value() - nearest) / Math.abs(nearest);
      String off =
          Math.abs(rel) < 5e-4
              ? "matches"
              : "is " + percent(Math.abs(rel)) + (rel > 0 ? " above" : " below");
      return shown + " " + off + " the key's " + k.display() + ", within " + tol + ".";
    }
    if (a.isRange()
        && nearest != 0
        && key.tolerance() > 0
        && Math.abs(e.value() / nearest - 1) <= key.tolerance()) {
      // the middle is close, but the range commits to no value within the tolerance
      return "The range "
          + shown
          + " takes in the key's "
          + k.display()
          + " but is wider than "
          + tol
          + " allows: a range earns credit only when all of it lies within "
          + tol
          + (e.verdict() == Verdict.PARTIALLY_CORRECT
              ? "; it reaches the key, which earns partial credit."
              : (key.partialWithin() == null ? ", and the key gives no partial credit." : "."));
    }
    String ratioText;
    if (Math.abs(e.value()) >= Double.MAX_VALUE / 1e3) {
      ratioText = shown + " is astronomically far from the key's " + k.display();
    } else if (nearest == 0 || e.value() == 0 || Math.signum(nearest) != Math.signum(e.value())) {
      ratioText = shown + " is not near the key's " + k.display();
    } else {
      double ratio = e.value() / nearest;
      double r = ratio >= 1 ? ratio : 1 / ratio;
      ratioText =
          r < 1.5
              ? shown
                  + " is "
                  + percent(Math.abs(ratio - 1))
                  + (ratio >= 1 ? " above" : " below")
                  + " the key's "
                  + k.display()
              : shown
                  + " is "
                  + Magnitudes.ratio(r)
                  + "× "
                  + (ratio >= 1 ? "higher" : "lower")
                  + " than the key's "
                  + k.display();
    }
    if (a.isRange()) {
      ratioText =
          "The range "
              + ratioText.replaceFirst(
                  " is ", " (middle " + Magnitudes.format(e.value()) + ") is ");
    }
    if (e.verdict() == Verdict.PARTIALLY_CORRECT) {
      return ratioText
          + ": outside "
          + tol
          + " but within the factor "
          + Magnitudes.ratio(key.partialWithin())
          + " that earns partial credit.";
    }
    return ratioText
        + ": outside "
        + tol
        + (key.partialWithin() == null
            ? ", and the key gives no partial credit."
            : " and beyond the factor "
                + Magnitudes.ratio(key.partialWithin())
                + " for partial credit.");
  }

  private String tolerance() {
    if (key.sigfigs() != null && key.tolerance() == 0) {
      return "the " + key.sigfigs() + " significant figures the key asks for";
    }
    String t = "the " + percent(key.tolerance()) + " tolerance";
    return key.sigfigs() != null ? t + " or " + key.sigfigs() + " significant figures" : t;
  }

  List<String> evidence(Amount a, Evaluation e) {
    List<String> ev = new ArrayList<>();
    ev.add("read: " + a.text());
    ev.add("in the key's unit: " + Magnitudes.withUnit(e.value(), e.target().unit()));
    ev.add("key: " + e.target().display());
    double k = e.target().nearest(e.value());
    if (k != 0 && e.value() != 0 && Math.signum(k) == Math.signum(e.value())) {
      ev.add("ratio to key: " + Magnitudes.ratio(e.value() / k));
    }
    ev.add(
        "tolerance: "
            + percent(key.tolerance())
            + (key.sigfigs() == null ? "" : ", sigfigs " + key.sigfigs()));
    if (key.partialWithin() != null) {
      ev.add("partial within: factor " + Magnitudes.ratio(key.partialWithin()));
    }
    return ev;
  }

  /** The response's quantity as shown in explanations, with its reading in the key's unit. */
  static String shown(Amount a, Evaluation e) {
    if (isExpression(a.text()) && !a.isRange()) {
      double v = e.value();
      String value =
          Math.abs(v) >= Double.MAX_VALUE / 1e3
              ? (v > 0 ? "beyond 10^308" : "below -10^308")
              : Magnitudes.withUnit(v, e.target().unit());
      return Amounts.approximate(a.text()) + " (= " + value + ")";
    }
    if (a.isRange()) {
      return a.text()
          + " ("
          + Magnitudes.withUnit(e.low(), e.target().unit())
          + " to "
          + Magnitudes.withUnit(e.high(), e.target().unit())
          + ")";
    }
    boolean sameUnit =
        Math.abs(a.unit().factorTo(e.target().unit()) - 1) < 1e-12
            && a.unit().offset() == e.target().unit().offset(); // 25 °C (= 298 K)
    if (e.fit() == Fit.EXACT
            && (a.unit().label().equals(e.target().unit().label()) || sameUnit && !a.isRange())
        || e.fit() == Fit.UNITLESS && !e.asFraction()
        || e.fit() == Fit.KEY_HAS_NO_UNIT) {
      return Amounts.approximate(a.text());
    }
    return Amounts.approximate(a.text())
        + " (= "
        + Magnitudes.withUnit(e.value(), e.target().unit())
        + ")";
  }

  /**
   * True for a written expression ({@code \\sqrt{400}}, {@code 10!}, {@code 2^3^2}, {@code 4π}).
   */
  private static boolean isExpression(String text) {
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\\' || c == '!' || c == 'π' || c == '√' || c == '(') {
        return true;
      }
      if (c == '^' && text.indexOf('^', k + 1) > 0) {
        return true; // a tower; a single power (10^15) is plain scientific notation
      }
    }
    return text.startsWith("e^") || text.contains("sqrt") || text.contains("pi");
  }

  private static String percent(double fraction) {
    return Magnitudes.format(fraction * 100) + "%";
  }
}
