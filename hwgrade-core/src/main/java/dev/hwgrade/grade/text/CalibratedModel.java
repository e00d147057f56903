package dev.hwgrade.grade.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwgrade.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The small model that turns a point's signals into calibrated probabilities: a multinomial
 * logistic regression over missed, partly made and made, on a chosen few of the signals {@link
 * FeatureExtractor} computes (a model that reads a signal this build lacks is refused on load).
 * Optionally ({@link #expanded}) each standardised feature is also multiplied by the {@link
 * FeatureExtractor#LONG_POINT} indicator so that a long, rubric-like reference is weighed apart
 * from a short point. P(point made) is P(made) and P(point at least partly made) is P(partly made)
 * + P(made), so they never cross. Also carries the confidence an automatic verdict needs, chosen at
 * training time. Immutable and thread-safe; the shipped weights are the resource {@code model.json}
 * next to this class, written by {@code hwgrade train text}.
 *
 * @param features the names of the features the model reads, in order (a subset of {@link
 *     FeatureExtractor#NAMES})
 * @param mean per-feature mean used to standardise
 * @param scale per-feature standard deviation used to standardise
 * @param partlyWeights the weights of "partly made" against "missed", one per standardised feature
 *     (and, when {@link #expanded}, then one per standardised feature times the long-point
 *     indicator)
 * @param madeWeights the same for "made" against "missed"
 * @param partlyBias the intercept of "partly made" against "missed"
 * @param madeBias the intercept of "made" against "missed"
 * @param correctCut the P(correct) from which the verdict is correct (when no band applies)
 * @param incorrectCut the P(incorrect) from which a verdict not correct is incorrect (likewise)
 * @param decideAt the least confidence for an automatic verdict on a key of several points; below
 *     it, needs_review
 * @param shortReference cut-offs and per-verdict bands for a key that is one short point
 * @param longReference the same for a key that is one long, rubric-like point (see {@link
 *     #isLongReference}), of which the model is much less sure on new questions
 * @param notes how the model was trained and what cross-validation measured, and the baseline's
 *     threshold ({@code wordOverlapThreshold})
 */
public record CalibratedModel(
    List<String> features,
    double[] mean,
    double[] scale,
    double[] partlyWeights,
    double[] madeWeights,
    double partlyBias,
    double madeBias,
    double correctCut,
    double incorrectCut,
    double decideAt,
    Band shortReference,
    Band longReference,
    JsonNode notes) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE = "model.json";

  public CalibratedModel {
    features = List.copyOf(features);
    int d = features.size();
    int w = partlyWeights.length;
    if (mean.length != d
        || scale.length != d
        || (w != d && w != 2 * d)
        || madeWeights.length != w) {
      throw new IllegalArgumentException("model has " + d + " features but arrays of other sizes");
    }
    for (String f : features) {
      if (!FeatureExtractor.NAMES.contains(f)) {
        throw new IllegalArgumentException(
            "the text model reads the feature "
                + f
                + ", which this build does not compute; retrain with 'hwgrade train text'");
      }
    }
    mean = mean.clone();
    scale = scale.clone();
    partlyWeights = partlyWeights.clone();
    madeWeights = madeWeights.clone();
  }

  /**
   * Whether every feature is also weighed separately for a long point (weights twice as many as the
   * features); otherwise one weight per feature, whatever the point.
   */
  public boolean expanded() {
    return partlyWeights.length == 2 * features.size();
  }

  /**
   * The threshold of the word-overlap baseline ({@link WordOverlap}) tuned on the same training
   * rows, or NaN when the model was trained without it.
   */
  public double wordOverlapThreshold() {
    return notes == null ? Double.NaN : notes.path("wordOverlapThreshold").asDouble(Double.NaN);
  }

  /**
   * How a key of one point is decided: its verdict cut-offs, and per verdict the least confidence
   * from which that verdict is given automatically (1 or more: never), chosen on questions the
   * model has not seen.
   *
   * @param correctCut the P(correct) from which the verdict is correct
   * @param incorrectCut the P(incorrect) from which a verdict not correct is incorrect
   * @param correctAt the least confidence for an automatic correct
   * @param partialAt the least confidence for an automatic partially correct
   * @param incorrectAt the least confidence for an automatic incorrect
   * @param partialByPieces whether the model was trained without three-way labels, so that it knows
   *     whether an answer is correct but not, among the rest, a partial answer from an incorrect
   *     one ({@code incorrectCut} is then not learned): an answer not correct is then partially
   *     correct when it makes a piece of a reference of several pieces ({@link
   *     PointOutcome#piece}), and incorrect otherwise
   */
  public record Band(
      double correctCut,
      double incorrectCut,
      double correctAt,
      double partialAt,
      double incorrectAt,
      boolean partialByPieces) {

    /** A band of a model trained on three-way labels. */
    public Band(
        double correctCut,
        double incorrectCut,
        double correctAt,
        double partialAt,
        double incorrectAt) {
      this(correctCut, incorrectCut, correctAt, partialAt, incorrectAt, false);
    }

    /** The verdict the cut-offs give. */
    public Verdict verdict(VerdictRule.Distribution d) {
      return d.verdict(correctCut, incorrectCut);
    }

    /**
     * The verdict for a key of this one point: the cut-offs', or, for a model that cannot tell a
     * partial answer from an incorrect one ({@link #partialByPieces}), correct from {@code
     * correctCut}, else partially correct when the answer makes a piece of the point and does not
     * contradict it, else incorrect.
     */
    public Verdict verdict(VerdictRule.Distribution d, PointOutcome o) {
      if (!partialByPieces) {
        return verdict(d);
      }
      if (d.correct() >= correctCut) {
        return Verdict.CORRECT;
      }
      return o.piece().isPresent() && o.status() != PointOutcome.Status.CONTRADICTED
          ? Verdict.PARTIALLY_CORRECT
          : Verdict.INCORRECT;
    }

    /** The least confidence for giving this verdict automatically. */
    public double decideAt(Verdict v) {
      return switch (v) {
        case CORRECT -> correctAt;
        case PARTIALLY_CORRECT -> partialAt;
        default -> incorrectAt;
      };
    }

    ObjectNode toJson() {
      ObjectNode o = JSON.createObjectNode();
      o.put("correctCut", correctCut);
      o.put("incorrectCut", incorrectCut);
      o.put("correctAt", correctAt);
      o.put("partialAt", partialAt);
      o.put("incorrectAt", incorrectAt);
      if (partialByPieces) {
        o.put("partialByPieces", true);
      }
      return o;
    }

    /** Reads a band; a model without one uses its overall cut-offs and {@code decideAt}. */
    static Band fromJson(JsonNode b, JsonNode model) {
      double c = model.get("correctCut").asDouble();
      double i = model.get("incorrectCut").asDouble();
      double at = model.get("decideAt").asDouble();
      if (b == null || b.isNull()) {
        return new Band(c, i, at, at, at);
      }
      return new Band(
          b.path("correctCut").asDouble(c),
          b.path("incorrectCut").asDouble(i),
          b.path("correctAt").asDouble(at),
          b.path("partialAt").asDouble(at),
          b.path("incorrectAt").asDouble(at),
          b.path("partialByPieces").asBoolean(false));
    }
  }

  /** The same model deciding keys of one point by other bands. */
  public CalibratedModel withBands(Band shortBand, Band longBand) {
    return new CalibratedModel(
        features,
        mean,
        scale,
        partlyWeights,
        madeWeights,
        partlyBias,
        madeBias,
        correctCut,
        incorrectCut,
        decideAt,
        shortBand,
        longBand,
        notes);
  }

  /** The band for a key that is this one point. */
  public Band bandFor(String point) {
    return isLongReference(point) ? longReference : shortReference;
  }

  /** A point of more words than this is a long, rubric-like reference answer. */
  public static final int LONG_REFERENCE_WORDS = 30;

  /**
   * Whether a point is a long, rubric-like reference answer (several sentences of what an answer
   * should say) rather than one idea: the model is much less sure of such points on new questions,
   * so they have cut-offs and a band of their own.
   */
  public static boolean isLongReference(String point) {
    String t = point.strip();
    return !t.isEmpty() && t.split("\\s+").length > LONG_REFERENCE_WORDS;
  }

  /** Probabilities for one point. */
  public record PointProbability(double made, double partly) {}

  /**
   * P(made) and P(at least partly made) for one feature vector, in the order of {@link
   * FeatureExtractor#NAMES}; the model reads its own features from it.
   */
  public PointProbability predict(double[] x) {
    double[] z = standardise(x);
    if (expanded()) {
      z = expand(z, x[FeatureExtractor.NAMES.indexOf(FeatureExtractor.LONG_POINT)] > 0.5);
    }
    double[] p = probabilities(z, partlyWeights, madeWeights, partlyBias, madeBias);
    return new PointProbability(p[2], p[1] + p[2]);
  }

  /**
   * The model's features of a full feature vector (in the order of {@link FeatureExtractor#NAMES}),
   * standardised and clipped as the model reads them.
   */
  public double[] standardise(double[] x) {
    double[] z = new double[features.size()];
    for (int i = 0; i < z.length; i++) {
      int at = FeatureExtractor.NAMES.indexOf(features.get(i));
      z[i] = clip((x[at] - mean[i]) / scale[i]);
    }
    return z;
  }

  /** A standardised vector followed by its copy for a long point, or zeros for a short one. */
  public static double[] expand(double[] z, boolean longPoint) {
    double[] out = new double[2 * z.length];
    System.arraycopy(z, 0, out, 0, z.length);
    if (longPoint) {
      System.arraycopy(z, 0, out, z.length, z.length);
    }
    return out;
  }

  /** P(missed), P(partly made), P(made) for an expanded vector. */
  public static double[] probabilities(
      double[] z,
      double[] partlyWeights,
      double[] madeWeights,
      double partlyBias,
      double madeBias) {
    double a = partlyBias;
    double b = madeBias;
    for (int j = 0; j < z.length; j++) {
      a += partlyWeights[j] * z[j];
      b += madeWeights[j] * z[j];
    }
    double top = Math.max(0, Math.max(a, b));
    double e0 = Math.exp(-top);
    double e1 = Math.exp(a - top);
    double e2 = Math.exp(b - top);
    double sum = e0 + e1 + e2;
    return new double[] {e0 / sum, e1 / sum, e2 / sum};
  }

  /**
   * Standardised values are held within {@value #CLIP} deviations: an answer far outside anything
   * seen in training (a thousand-line paste) must not push the verdict by extrapolation.
   */
  public static double clip(double standardised) {
    return Math.max(-CLIP, Math.min(CLIP, standardised));
  }

  /** The bound on standardised feature values. */
  public static final double CLIP = 4.0;

  /** The model shipped with hwgrade, checked against the features this build computes. */
  public static CalibratedModel shipped() {
    return Shipped.INSTANCE;
  }

  private static final class Shipped {
    static final CalibratedModel INSTANCE = loadShipped();

    private static CalibratedModel loadShipped() {
      try (InputStream in = CalibratedModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the text model resource " + RESOURCE + " is missing");
        }
        CalibratedModel m = fromJson(JSON.readTree(in));
        return m;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Reads a model written by {@link #write}. */
  public static CalibratedModel fromJson(JsonNode j) {
    List<String> names = new ArrayList<>();
    j.get("features").forEach(n -> names.add(n.asText()));
    return new CalibratedModel(
        names,
        doubles(j.get("mean")),
        doubles(j.get("scale")),
        doubles(j.get("partlyWeights")),
        doubles(j.get("madeWeights")),
        j.get("partlyBias").asDouble(),
        j.get("madeBias").asDouble(),
        j.get("correctCut").asDouble(),
        j.get("incorrectCut").asDouble(),
        j.get("decideAt").asDouble(),
        Band.fromJson(j.get("shortReference"), j),
        Band.fromJson(j.get("longReference"), j),
        j.get("notes"));
  }

  /** Writes the model as indented JSON. */
  public void write(Path file) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode f = o.putArray("features");
    features.forEach(f::add);
    put(o.putArray("mean"), mean);
    put(o.putArray("scale"), scale);
    put(o.putArray("partlyWeights"), partlyWeights);
    put(o.putArray("madeWeights"), madeWeights);
    o.put("partlyBias", partlyBias);
    o.put("madeBias", madeBias);
    o.put("correctCut", correctCut);
    o.put("incorrectCut", incorrectCut);
    o.put("decideAt", decideAt);
    o.set("shortReference", shortReference.toJson());
    o.set("longReference", longReference.toJson());
    o.set("notes", notes == null ? JSON.createObjectNode() : notes);
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), o);
  }

  private static void put(ArrayNode a, double[] v) {
    for (double x : v) {
      a.add(Math.round(x * 1e6) / 1e6);
    }
  }

  private static double[] doubles(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asDouble();
    }
    return v;
  }
}
