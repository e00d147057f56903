package dev.hwgrade.grade.numeric;

import dev.hwgrade.quantity.DimensionNames;
import dev.hwgrade.quantity.Magnitudes;
import dev.hwgrade.quantity.QuantityUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Explains why a numeric answer missed: the ratio and its direction, the orders of magnitude apart,
 * and the likeliest cause where one fits — a simple factor, a unit slip, or the ratio of two
 * numbers in the question, the key's explanation or the response — always worded as a hypothesis.
 * The text feeds the report's error analysis.
 */
public final class DiscrepancyExplainer {
  private DiscrepancyExplainer() {}

  /**
   * What a miss is explained from.
   *
   * @param shownResponse the response's quantity as written
   * @param value the response's value in the key's unit
   * @param key the key value it is compared with
   * @param keyUnit the key's unit
   * @param fit how the response's unit was read
   * @param question the part's question
   * @param keyExplanation the key's explanation, may be null
   * @param responseText the whole response
   */
  record Miss(
      String shownResponse,
      double value,
      KeyTarget key,
      QuantityUnit keyUnit,
      Fit fit,
      String question,
      String keyExplanation,
      String responseText) {}

  /** The diagnosis of a numeric miss. */
  static String explain(Miss m) {
    double k = m.key().nearest(m.value());
    String against = m.shownResponse() + " against the key's " + m.key().display();
    if (k == 0 || m.value() == 0) {
      return against
          + ": "
          + (m.value() == 0 ? "the response gives zero" : "the key is zero, so there is no ratio")
          + "; consistent with a different assumption, a sign or offset slip, or an arithmetic"
          + " slip.";
    }
    List<Hypothesis> offsets = SimpleFactors.offsets(m.value(), k, m.keyUnit());
    if (!offsets.isEmpty()) {
      return against + ": " + offsets.get(0).text() + ".";
    }
    if (Math.signum(k) != Math.signum(m.value())) {
      return against
          + ": the sign is opposite — consistent with a sign slip or subtracting the wrong way"
          + " round.";
    }
    double ratio = m.value() / k;
    double r = ratio >= 1 ? ratio : 1 / ratio;
    double orders = Math.abs(Math.log10(ratio));
    StringBuilder b = new StringBuilder(against).append(": ");
    b.append(Magnitudes.ratio(r)).append("× ").append(ratio >= 1 ? "higher" : "lower");
    if (m.key().isRange()) {
      b.append(" than the nearest end of the range");
    }
    String ord = Magnitudes.ratio(round(orders, 2));
    b.append(" (")
        .append(
            orders < 0.095 ? "within one order" : ord + (ord.equals("1") ? " order" : " orders"))
        .append(" of magnitude)");
    List<Hypothesis> hs = new ArrayList<>();
    String context =
        String.join(" ", nn(m.question()), nn(m.keyExplanation()), nn(m.responseText()));
    hs.addAll(SimpleFactors.candidates(ratio, m.keyUnit(), context));
    if (m.fit() == Fit.UNITLESS) {
      hs.addAll(UnwrittenUnit.candidates(ratio, m.keyUnit()));
    }
    double[] excluded = {m.value(), k};
    hs.addAll(
        PairRatios.candidates(
            ratio,
            List.of(
                new PairRatios.Source(PairRatios.KEY, m.keyExplanation(), true),
                new PairRatios.Source("the question", m.question(), true),
                new PairRatios.Source("the response", m.responseText(), false)),
            m.keyUnit(),
            excluded));
    hs.addAll(complement(m.value(), k));
    hs.sort(Comparator.comparingDouble(Hypothesis::misfit));
    if (hs.isEmpty()) {
      b.append(". No simple factor, unit slip or ratio of numbers in the problem accounts for it;")
          .append(" consistent with a different assumption or an arithmetic slip.");
      return b.toString();
    }
    Hypothesis first = hs.get(0);
    String approx = first.factor() > 0 ? nearestRound(r) : null;
    if (approx != null) {
      b.append(", about ").append(approx).append("×");
    }
    b.append(": ").append(first.text());
    for (int i = 1; i < hs.size() && i < 2; i++) {
      if (!hs.get(i).text().equals(first.text()) && hs.get(i).misfit() < first.misfit() + 0.05) {
        b.append("; or ").append(hs.get(i).text());
      }
    }
    return b.append('.').toString();
  }

  /** A probability or fraction answered as its complement: 0.349 for 0.651. */
  private static List<Hypothesis> complement(double value, double key) {
    if (key > 0 && key < 1 && value > 0 && value < 1 && Math.abs(key - 0.5) > 0.02) {
      double misfit = Math.abs(Math.log(value / (1 - key)));
      if (misfit < 0.02) {
        return List.of(
            new Hypothesis(
                "consistent with giving the complement, 1 − "
                    + Magnitudes.format(key)
                    + " = "
                    + Magnitudes.format(1 - key)
                    + " (the probability of the opposite event)",
                misfit - 0.01,
                0));
      }
    }
    return List.of();
  }

  /** Explains a unit of another dimension. */
  static String explainDimension(String shownResponse, QuantityUnit responseUnit, KeyTarget key) {
    return shownResponse
        + " is "
        + DimensionNames.describe(responseUnit)
        + ", but the key's "
        + key.display()
        + " is "
        + DimensionNames.describe(key.unit())
        + ": consistent with answering a different quantity, or a unit written wrongly.";
  }

  private static String nearestRound(double r) {
    double[] rounds = {2, 3, 4, 5, 8, 10, 100, 1000};
    for (double x : rounds) {
      double misfit = Math.abs(Math.log(r / x));
      if (misfit > 0.01 && misfit < SimpleFactors.LIMIT) {
        return Magnitudes.ratio(x);
      }
    }
    return null;
  }

  private static double round(double v, int places) {
    double p = Math.pow(10, places);
    return Math.round(v * p) / p;
  }

  private static String nn(String s) {
    return s == null ? "" : s;
  }
}
