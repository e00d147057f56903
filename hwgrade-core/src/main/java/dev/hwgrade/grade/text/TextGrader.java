package dev.hwgrade.grade.text;

import dev.hwgrade.grade.Grader;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Grades free-text answers offline by the key points they make. Each key point is matched against
 * the response's sentences and clauses (embedding similarity, stemmed word coverage, symbols and
 * numbers, contradiction cues, accept and reject phrases); a calibrated model turns the signals
 * into probabilities, and {@link VerdictRule} into a verdict. A verdict less sure than the model's
 * band ({@code decideAt}; a key of one point has cut-offs and per-verdict bands of its own, one set
 * for a short point and one for a long, rubric-like reference answer) is {@code needs_review}
 * unless the options ask to decide.
 *
 * <p>A key without key points has its answer (or any alternative) as the one required point.
 * Construction is cheap; the embedding model loads on the first answer graded.
 */
public final class TextGrader implements Grader {
  /** The confidence of a verdict decided by a rule above the model. */
  static final double RULED_CONFIDENCE = 0.95;

  private final GradingOptions options;
  private final SentenceEmbedder embedder;
  private final CalibratedModel trained;
  private volatile KeyPointMatcher matcher;

  public TextGrader(GradingOptions options) {
    this(options, MiniLmEmbedder.shared());
  }

  /** A grader with another embedder, for tests. */
  public TextGrader(GradingOptions options, SentenceEmbedder embedder) {
    this(options, embedder, null);
  }

  /**
   * A grader with another embedder and model (null: the shipped one), for measuring a model trained
   * on some questions against others.
   */
  public TextGrader(GradingOptions options, SentenceEmbedder embedder, CalibratedModel model) {
    this.options = options;
    this.embedder = embedder;
    this.trained = model;
  }

  @Override
  public String name() {
    return "text";
  }

  @Override
  public Grade grade(Part part, Answer answer) {
    String extracted = answer.text();
    List<KeyPoint> points = pointsOf(part.key());
    if (points.isEmpty()) {
      return Grade.needsReview(extracted, "the key has neither an answer nor key points", name());
    }

    String full = answer.fullText();
    AnswerReading reading =
        AnswerReading.of(
            full, part.question(), String.join(" ", points.stream().map(KeyPoint::text).toList()));
    String hidden = reading.hadHiddenText ? hiddenPart(full, reading.visible) : "";
    Flood flood = Flood.of(reading.visible, points, part.question());
    String graded = flood.isFlood() ? flood.head(reading.asserted) : reading.asserted;
    List<PointOutcome> outcomes =
        graded.isBlank()
            ? PassageRule.noClaim(part.question(), points, reading, hidden)
            : PassageRule.apply(
                part.question(),
                matcher().match(part.question(), points, new AnswerText(graded)),
                reading,
                hidden);
    Verdict ruled = VerdictRule.fromStatuses(outcomes);
    if (ruled == Verdict.INCORRECT && outcomes.stream().anyMatch(PointOutcome::ruled)) {
      // A rule above the model decided: the verdict is given in every mode.
      return new Grade(
              Verdict.INCORRECT,
              0.0,
              RULED_CONFIDENCE,
              extracted,
              flood.isFlood()
                  ? flood.note() + " " + capitalise(summary(outcomes))
                  : capitalise(summary(outcomes)),
              evidence(outcomes),
              null,
              name())
          .withDiagnosis(diagnosis(outcomes));
    }
    if (flood.isFlood()) {
      return flood.grade(
          options.decide(), extracted, summary(outcomes), evidence(outcomes), name(), ruled);
    }
    VerdictRule.Distribution d = VerdictRule.distribution(outcomes);
    CalibratedModel.Band onePoint =
        outcomes.size() == 1 ? model().bandFor(points.get(0).text()) : null;
    Verdict best =
        onePoint != null
            ? onePoint.verdict(d, outcomes.get(0))
            : VerdictRule.fromStatuses(outcomes);
    boolean byPieces = onePoint != null && onePoint.partialByPieces() && best != Verdict.CORRECT;
    // a model that cannot tell a partial answer from an incorrect one is as sure of either as it
    // is that the answer is not correct
    double confidence = byPieces ? 1 - d.correct() : d.of(best);
    List<String> evidence = evidence(outcomes);
    String summary = byPieces ? piecesSummary(outcomes.get(0)) : summary(outcomes);
    if (byPieces && outcomes.get(0).piece().isPresent()) {
      PointOutcome.Piece p = outcomes.get(0).piece().get();
      evidence.add("piece made: " + quoteKey(p.text()) + " — \"" + clip(p.quote(), 200) + "\"");
    }
    double band = onePoint != null ? onePoint.decideAt(best) : model().decideAt();
    if (!options.decide() && confidence < band) {
      String why =
          band >= 1
              ? String.format(
                  Locale.ROOT,
                  "Unsure (%.1f%% %s, a verdict not given automatically for such a key): %s",
                  100 * confidence,
                  best.label(),
                  summary)
              : String.format(
                  Locale.ROOT,
                  "Unsure (%.1f%% %s, below the %.1f%% needed to decide): %s",
                  100 * confidence,
                  best.label(),
                  100 * band,
                  summary);
      return new Grade(
          Verdict.NEEDS_REVIEW,
          score(best, outcomes),
          confidence,
          extracted,
          why,
          evidence,
          null,
          name());
    }
    Grade g =
        new Grade(
            best,
            byPieces && best == Verdict.PARTIALLY_CORRECT
                ? pieceScore(outcomes.get(0))
                : score(best, outcomes),
            confidence,
            extracted,
            capitalise(summary),
            evidence,
            null,
            name());
    return best == Verdict.CORRECT ? g : g.withDiagnosis(diagnosis(outcomes));
  }

  /** The text removed as hidden, for checking whether a point was written only there. */
  private static String hiddenPart(String full, String visible) {
    java.util.Set<String> seen = ContentWords.stems(visible);
    StringBuilder sb = new StringBuilder();
    for (String w : ContentWords.stems(full)) {
      if (!seen.contains(w)) {
        sb.append(w).append(' ');
      }
    }
    return sb.toString().strip();
  }

  /** The key's points, or its answer (with alternatives as accepted phrasings) as the one point. */
  public static List<KeyPoint> pointsOf(Key key) {
    if (!key.keyPoints().isEmpty()) {
      return key.keyPoints();
    }
    if (key.answer().isBlank()) {
      return List.of();
    }
    return List.of(new KeyPoint(key.answer(), true, 1.0, key.alternatives(), List.of()));
  }

  private KeyPointMatcher matcher() {
    KeyPointMatcher m = matcher;
    if (m == null) {
      synchronized (this) {
        if (matcher == null) {
          matcher = new KeyPointMatcher(embedder, model());
        }
        m = matcher;
      }
    }
    return m;
  }

  private CalibratedModel model() {
    return trained != null ? trained : CalibratedModel.shipped();
  }

  /** Full credit for correct, none for incorrect, else the weighted share of points made. */
  static double score(Verdict v, List<PointOutcome> outcomes) {
    return VerdictRule.score(v, outcomes);
  }

  private static String summary(List<PointOutcome> outcomes) {
    if (outcomes.size() == 1) {
      PointOutcome o = outcomes.get(0);
      return String.format(
          Locale.ROOT, "the key point is %s (%.0f%% made).", o.status().label(), 100 * o.made());
    }
    int made = count(outcomes, PointOutcome.Status.MADE);
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "makes %d of %d key points", made, outcomes.size()));
    List<String> missed =
        names(outcomes, PointOutcome.Status.MISSED, PointOutcome.Status.PARTLY_MADE);
    List<String> against = names(outcomes, PointOutcome.Status.CONTRADICTED);
    if (!against.isEmpty()) {
      sb.append("; contradicts ").append(String.join("; ", against));
    }
    if (!missed.isEmpty()) {
      sb.append("; misses ").append(String.join("; ", missed));
    }
    return sb.append('.').toString();
  }

  /**
   * The explanation when the model tells correct from not correct and the pieces of the reference
   * tell a partial answer from an incorrect one.
   */
  private static String piecesSummary(PointOutcome o) {
    if (o.piece().isEmpty()) {
      return String.format(
          Locale.ROOT,
          "the key point is %s (%.0f%% made), and the answer makes none of its pieces.",
          o.status() == PointOutcome.Status.CONTRADICTED ? "contradicted" : "not made",
          100 * o.made());
    }
    PointOutcome.Piece p = o.piece().get();
    return String.format(
        Locale.ROOT,
        "the answer makes part of the key point (%.0f%% made as a whole): %d of its %d pieces, e.g."
            + " %s — \"%s\".",
        100 * o.made(),
        p.made(),
        p.of(),
        quoteKey(p.text()),
        clip(p.quote(), 200));
  }

  /** The share of the reference's pieces made, kept within [0.1, 0.9]. */
  private static double pieceScore(PointOutcome o) {
    double s = o.piece().map(PointOutcome.Piece::share).orElse(0.0);
    return Math.round(Math.min(0.9, Math.max(0.1, s)) * 100) / 100.0;
  }

  private static List<String> evidence(List<PointOutcome> outcomes) {
    List<String> out = new ArrayList<>();
    for (PointOutcome o : outcomes) {
      StringBuilder sb = new StringBuilder();
      sb.append(o.status().label()).append(": ").append(quoteKey(o.point().text()));
      sb.append(String.format(Locale.ROOT, " (%.0f%%)", 100 * o.made()));
      if (o.status() != PointOutcome.Status.MISSED) {
        sb.append(" — \"").append(clip(o.quote(), 200)).append('"');
      }
      if (!o.detail().isEmpty()) {
        sb.append(" [").append(o.detail()).append(']');
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static String diagnosis(List<PointOutcome> outcomes) {
    List<String> against = names(outcomes, PointOutcome.Status.CONTRADICTED);
    List<String> missed =
        names(outcomes, PointOutcome.Status.MISSED, PointOutcome.Status.PARTLY_MADE);
    List<String> parts = new ArrayList<>();
    if (!against.isEmpty()) {
      parts.add("a misconception contradicting " + String.join("; ", against));
    }
    if (!missed.isEmpty()) {
      parts.add("an answer that leaves out " + String.join("; ", missed));
    }
    if (parts.isEmpty()) {
      return "Consistent with an answer close to the key that does not make its points clearly.";
    }
    return "Consistent with " + String.join(", and ", parts) + ".";
  }

  private static int count(List<PointOutcome> outcomes, PointOutcome.Status s) {
    return (int) outcomes.stream().filter(o -> o.status() == s).count();
  }

  private static List<String> names(List<PointOutcome> outcomes, PointOutcome.Status... statuses) {
    List<String> out = new ArrayList<>();
    for (PointOutcome o : outcomes) {
      for (PointOutcome.Status s : statuses) {
        if (o.status() == s) {
          out.add(quoteKey(o.point().text()));
        }
      }
    }
    return out;
  }

  private static String quoteKey(String text) {
    return "'" + clip(text, 120) + "'";
  }

  private static String clip(String s, int max) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
