package dev.hwgrade.grade.numeric;

import dev.hwgrade.model.Key;
import dev.hwgrade.quantity.Amount;
import dev.hwgrade.quantity.NumericExpression;
import dev.hwgrade.quantity.QuantityScanner;
import dev.hwgrade.quantity.QuantityUnit;
import dev.hwgrade.quantity.UnitParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numeric key as the grader uses it: the accepted values (answer first, then alternatives), the
 * tolerance, significant figures, the partial-credit factor, and an optional label such as {@code
 * GPT-6} that says which of several figures in a response the key is about.
 *
 * @param targets accepted values; the first is the key's answer
 * @param tolerance relative error still correct (0 when only {@code sigfigs} decides)
 * @param sigfigs significant figures that must agree, or null
 * @param partialWithin factor within which an answer is partially correct, or null for none
 * @param label the word before a colon in the key's answer ({@code GPT-6: 41.7 s/token}), or null
 * @param lists when the key is a list or set ({@code [2, 5]}, {@code {1.2 ms, 3.4 ms}}), one per
 *     accepted answer; empty otherwise
 */
public record NumericKey(
    List<KeyTarget> targets,
    double tolerance,
    Integer sigfigs,
    Double partialWithin,
    String label,
    List<ListKey> lists) {
  /** The tolerance when the key gives none. */
  public static final double DEFAULT_TOLERANCE = 0.05;

  private static final Pattern LABEL =
      Pattern.compile("^\\s*([A-Za-z][\\w .\\-]{0,24}?)\\s*:\\s*\\S");

  public NumericKey {
    targets = List.copyOf(targets);
    lists = List.copyOf(lists);
  }

  /** A key for one value, with no list. */
  public NumericKey(
      List<KeyTarget> targets,
      double tolerance,
      Integer sigfigs,
      Double partialWithin,
      String label) {
    this(targets, tolerance, sigfigs, partialWithin, label, List.of());
  }

  /** True when the key is a list or set of values. */
  public boolean isList() {
    return !lists.isEmpty();
  }

  /** The same tolerance for one entry of a list key. */
  NumericKey forEntry(KeyTarget entry) {
    return new NumericKey(List.of(entry), tolerance, sigfigs, partialWithin, null);
  }

  /** The key's own answer. */
  public KeyTarget primary() {
    return targets.get(0);
  }

  /** Reads a key, or says why it cannot be read. */
  public static NumericKey read(Key key) throws KeyProblem {
    QuantityUnit fieldUnit = QuantityUnit.NONE;
    if (key.unit() != null && !key.unit().isBlank()) {
      Optional<QuantityUnit> u = UnitParser.shared().parse(key.unit());
      if (u.isEmpty()) {
        throw new KeyProblem("the key's unit '" + key.unit() + "' is not a unit hwgrade knows");
      }
      fieldUnit = u.get();
    }
    List<ListKey> lists = new ArrayList<>();
    if (ListKey.split(key.answer()) != null) {
      for (String accepted : key.acceptedAnswers()) {
        lists.add(list(accepted, fieldUnit));
      }
    }
    List<KeyTarget> targets = new ArrayList<>();
    if (lists.isEmpty()) {
      for (String accepted : key.acceptedAnswers()) {
        targets.add(target(accepted, fieldUnit));
      }
    } else {
      targets.addAll(lists.get(0).entries());
    }
    double tol =
        key.tolerance() != null ? key.tolerance() : key.sigfigs() != null ? 0.0 : DEFAULT_TOLERANCE;
    if (!(tol >= 0) || tol >= 10) {
      throw new KeyProblem(
          "the key's tolerance " + key.tolerance() + " is not a relative error in [0, 10)");
    }
    Double partial = key.partialWithin();
    if (partial != null && !(partial > 1)) {
      throw new KeyProblem(
          "the key's partial_within " + partial + " must be a factor greater than 1");
    }
    Integer sig = key.sigfigs();
    if (sig != null && (sig < 1 || sig > 15)) {
      throw new KeyProblem("the key's sigfigs " + sig + " must be between 1 and 15");
    }
    if (!lists.isEmpty()) {
      return new NumericKey(targets, tol, sig, partial, null, lists);
    }
    Matcher m = LABEL.matcher(key.answer());
    String label =
        m.find() ? m.group(1).strip() : labelInExplanation(key.explanation(), targets.get(0));
    return new NumericKey(targets, tol, sig, partial, label);
  }

  /** A list or set key; an accepted answer that is a single value is a list of one. */
  private static ListKey list(String text, QuantityUnit fieldUnit) throws KeyProblem {
    ListKey.Written w = ListKey.split(text);
    if (w == null) {
      return new ListKey(List.of(target(text, fieldUnit)), true, text.strip());
    }
    if (w.parts().size() > ListKey.MAX_ENTRIES) {
      throw new KeyProblem(
          "the key's list '" + text + "' has more than " + ListKey.MAX_ENTRIES + " entries");
    }
    QuantityUnit after = w.unit();
    if (after == null) {
      throw new KeyProblem(
          "the key's list '" + text + "' ends in '" + w.unitAfter() + "', which is not a unit");
    }
    QuantityUnit unit = after.isNone() ? fieldUnit : after;
    List<KeyTarget> entries = new ArrayList<>();
    for (String part : w.parts()) {
      entries.add(target(part, unit));
    }
    return new ListKey(entries, w.ordered(), text.strip());
  }

  private static KeyTarget target(String text, QuantityUnit fieldUnit) throws KeyProblem {
    // a key that is Euler's number alone; in a sentence a lone e is a letter, so only e^… is read
    String s = text.strip();
    QuantityScanner.Scan scan =
        QuantityScanner.shared().scan(s.equals("e") || s.equals("\\mathrm{e}") ? "e^1" : text);
    // a stated result (after = or ≈) wins, the last of a chain; otherwise the first figure that is
    // not a factor of a product: "2.4 MB/token (96 × 96 × 128 × 2 bytes)", "6 billion books
    // (~350x)"
    Amount chosen = null;
    for (Amount a : scan.amounts()) {
      boolean better = chosen == null || !a.operand() && (chosen.operand() || a.relation() >= 2);
      if (better) {
        chosen = a;
      }
    }
    if (chosen == null) {
      NumericExpression.Result x = NumericExpression.firstUnevaluable(scan.text());
      if (x != null) {
        throw new KeyProblem(
            "the key's answer '"
                + text
                + "' is an expression that cannot be evaluated: "
                + x.problem());
      }
      throw new KeyProblem("the key's answer '" + text + "' holds no number");
    }
    if (Math.abs(chosen.low()) == Double.MAX_VALUE || Math.abs(chosen.high()) == Double.MAX_VALUE) {
      throw new KeyProblem("the key's answer '" + text + "' is too large to compare");
    }
    QuantityUnit unit = chosen.unit();
    if (unit.isUnread()) {
      throw new KeyProblem(
          "the key's answer '"
              + text
              + "' has a unit hwgrade cannot read, '"
              + unit.label()
              + "'; write it as an SI, US customary or UCUM unit (e.g. m/s^2, kPa, ft)");
    }
    if (unit.isNone()) {
      unit = fieldUnit;
    } else if (!fieldUnit.isNone() && !unit.sameDimension(fieldUnit)) {
      throw new KeyProblem(
          "the key's answer '"
              + text
              + "' is in "
              + unit.label()
              + " but its unit is "
              + fieldUnit.label());
    }
    return new KeyTarget(chosen.low(), chosen.high(), unit, text.strip(), numerator(unit));
  }

  private static final Pattern INLINE_LABEL = Pattern.compile("([A-Za-z][\\w\\-.]{0,20}):\\s");

  /**
   * The label under which the key's explanation states the key's value — {@code GPT-6} in "GPT-6:
   * 200 TB / 4.8 TB/s ≈ 41.7 s per token. GPT-3: … ≈ 73 ms per token" — or null.
   */
  private static String labelInExplanation(String explanation, KeyTarget key) {
    if (explanation == null || explanation.indexOf(':') < 0 || key.isRange()) {
      return null;
    }
    QuantityScanner.Scan scan = QuantityScanner.shared().scan(explanation);
    for (Amount a : scan.amounts()) {
      boolean same =
          a.unit().isNone()
              ? Math.abs(a.value() - key.low()) <= 1e-3 * Math.abs(key.low())
              : a.unit().sameDimension(key.unit())
                  && Math.abs(a.value() * a.unit().factorTo(key.unit()) - key.low())
                      <= 1e-3 * Math.abs(key.low());
      if (!same) {
        continue;
      }
      String before = scan.text().substring(0, a.start());
      int lineStart = Math.max(before.lastIndexOf('\n'), Math.max(before.lastIndexOf(". "), -1));
      Matcher m = INLINE_LABEL.matcher(before);
      String label = null;
      while (m.find()) {
        if (m.start() >= lineStart) {
          label = m.group(1);
        }
      }
      return label;
    }
    return null;
  }

  /** The unit above the line of {@code unit}, when it has a measured unit below the line. */
  private static QuantityUnit numerator(QuantityUnit unit) {
    String label = unit.label();
    int slash = label.indexOf('/');
    if (slash <= 0 || unit.measuredDimension().equals(QuantityUnit.NONE.measuredDimension())) {
      return null;
    }
    return UnitParser.shared().parse(label.substring(0, slash)).orElse(null);
  }

  /** A key the numeric grader cannot use, with the reason. */
  public static final class KeyProblem extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyProblem(String message) {
      super(message);
    }
  }
}
