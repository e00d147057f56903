package dev.hwgrade.grade.text;

import dev.hwgrade.model.KeyPoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for each key point, whether a response makes it, misses it or contradicts it. The
 * point's own text and each of its {@code accept} phrasings are scored by the calibrated model; an
 * {@code accept} phrase found word for word makes the point, a {@code reject} phrase found (not
 * negated) contradicts it, and a contradiction cue in the passage that matches best counts against
 * it.
 */
public final class KeyPointMatcher {
  /** A reject or accept phrase counts as present when this share of its content words is. */
  private static final double PHRASE_COVERAGE = 0.8;

  /** A cue contradicts a point only where the passage clearly talks about the point. */
  private static final double CUE_ALIGNMENT = 0.6;

  /** How much an antonym in the best-matching passage lowers the chance the point is made. */
  private static final double ANTONYM_PENALTY = 0.5;

  /**
   * How sure a point is contradicted when it opens with a bare yes or no and the answer with the
   * opposite word. In the short-answer data all 67 such answers were labelled incorrect; short of
   * certainty, since "yes, in theory" against "no" can still be weighed by a person when the key's
   * band asks for more.
   */
  static final double POLARITY_CONTRADICTION = 0.9;

  /**
   * Below this similarity, with no shared word or symbol, an answer shows no sign of a short point;
   * on short-answer data such answers were labelled correct about one time in six.
   */
  static final double NO_EVIDENCE_SIMILARITY = 0.35;

  /** What P(made) and P(partly made) can be at most for an answer with no sign of the point. */
  static final double NO_EVIDENCE_CAP = 0.2;

  /**
   * Below this share of a point's new content words, an unmatched point with accept phrases is
   * capped.
   */
  static final double UNCORROBORATED_RECALL = 0.5;

  /**
   * The most a point may score when it is only similar in meaning and its accept phrases are
   * absent.
   */
  static final double UNCORROBORATED_CAP = 0.15;

  /** A sentence is read for a reversed relation when it has this share of the point's words. */
  static final double REVERSAL_COVERAGE = 0.6;

  private final FeatureExtractor features;
  private final CalibratedModel model;

  public KeyPointMatcher(SentenceEmbedder embedder, CalibratedModel model) {
    this.features = new FeatureExtractor(embedder);
    this.model = model;
  }

  /** One outcome per point, in the order given. */
  public List<PointOutcome> match(String question, List<KeyPoint> points, AnswerText answer) {
    List<String> texts = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      texts.add(points.get(i).text());
      owner.add(i);
      for (String a : points.get(i).accept()) {
        texts.add(a);
        owner.add(i);
      }
    }
    List<PointFeatures> all = features.extract(question, texts, answer);
    List<PointOutcome> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      PointFeatures best = null;
      CalibratedModel.PointProbability bestP = null;
      for (int k = 0; k < texts.size(); k++) {
        if (owner.get(k) != i) {
          continue;
        }
        CalibratedModel.PointProbability p = model.predict(all.get(k).values());
        if (bestP == null || p.made() > bestP.made()) {
          bestP = p;
          best = all.get(k);
        }
      }
      out.add(decide(points.get(i), best, bestP, answer));
    }
    return out;
  }

  private static PointOutcome decide(
      KeyPoint point, PointFeatures f, CalibratedModel.PointProbability p, AnswerText answer) {
    Optional<String> reject = findPhrase(point.reject(), answer, true);
    if (reject.isPresent()) {
      return new PointOutcome(
          point,
          PointOutcome.Status.CONTRADICTED,
          0.02,
          0.02,
          0.95,
          reject.get(),
          "says what the key rejects",
          true);
    }
    if (Polarity.contradicts(point.text(), answer.whole)) {
      String first = answer.sentenceOf.get(0);
      return new PointOutcome(
          point,
          PointOutcome.Status.CONTRADICTED,
          Math.min(p.made(), 0.05),
          Math.min(p.partly(), 0.05),
          POLARITY_CONTRADICTION,
          first,
          Polarity.ofKey(point.text()) > 0
              ? "answers no where the key says yes"
              : "answers yes where the key says no",
          true);
    }
    Optional<String> accept = findPhrase(point.accept(), answer, true);
    if (accept.isPresent()) {
      return new PointOutcome(
          point,
          PointOutcome.Status.MADE,
          Math.max(p.made(), 0.95),
          Math.max(p.partly(), 0.97),
          0,
          accept.get(),
          "an accepted phrasing");
    }
    Optional<PointOutcome> reversed = reversed(point, answer);
    if (reversed.isPresent()) {
      return reversed.get();
    }
    double made = p.made();
    // a point of one clause is made or not; "partly" is for points with several parts
    double partly = f.facets() > 1 ? p.partly() : p.made();
    if (!point.accept().isEmpty()
        && f.values()[FeatureExtractor.NAMES.indexOf("lex_recall_new")] < UNCORROBORATED_RECALL) {
      // The key's author listed the ways to make this point and the answer uses none of them,
      // nor most of the point's own new words: a similar-sounding sentence alone does not make it.
      made = Math.min(made, UNCORROBORATED_CAP);
      partly = Math.min(partly, UNCORROBORATED_CAP);
    }
    double contradicted = 0;
    String detail = "";
    if (noEvidence(point, f, answer)) {
      made = Math.min(made, NO_EVIDENCE_CAP);
      partly = Math.min(partly, NO_EVIDENCE_CAP);
      detail = "no word, symbol or sentence of the answer bears on it";
    }
    if (f.cue().isPresent()) {
      ContradictionCues.Cue cue = f.cue().get();
      if (cue.kind() == ContradictionCues.Kind.ANTONYM) {
        // the passage that looks most like the point speaks of the opposite: it does not make it
        made *= ANTONYM_PENALTY;
        partly *= ANTONYM_PENALTY;
      }
      double alignment = f.values()[FeatureExtractor.NAMES.indexOf("lex_best_unit")];
      if (alignment >= CUE_ALIGNMENT) {
        contradicted = (1 - made) * alignment;
        detail = cue.detail();
      }
    }
    PointOutcome.Status status;
    if (contradicted >= 0.5) {
      status = PointOutcome.Status.CONTRADICTED;
    } else if (made >= 0.5) {
      status = PointOutcome.Status.MADE;
    } else if (partly >= 0.5) {
      status = PointOutcome.Status.PARTLY_MADE;
    } else {
      status = PointOutcome.Status.MISSED;
    }
    return new PointOutcome(
        point,
        status,
        made,
        partly,
        contradicted,
        f.bestSentence(),
        detail,
        false,
        status == PointOutcome.Status.CONTRADICTED ? java.util.Optional.empty() : f.piece());
  }

  /**
   * The point contradicted by a sentence that uses most of its words with the relation reversed
   * ({@link RelationOrder}).
   */
  private static Optional<PointOutcome> reversed(KeyPoint point, AnswerText answer) {
    Set<String> wanted = new HashSet<>(ContentWords.stems(point.text()));
    String previous = null;
    for (String sentence : answer.sentenceOf) {
      if (sentence.equals(previous)) {
        continue;
      }
      previous = sentence;
      if (ContentWords.coverage(wanted, ContentWords.stems(sentence)) < REVERSAL_COVERAGE) {
        continue;
      }
      Optional<String> r = RelationOrder.reversal(point.text(), sentence);
      if (r.isPresent()) {
        return Optional.of(
            PointOutcome.ruled(
                point,
                PointOutcome.Status.CONTRADICTED,
                0.02,
                sentence,
                "the key's words with the relation reversed: " + r.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether nothing in the answer bears on the point: it has no word at all outside LaTeX commands,
   * or, for a short point, none of the point's new words, none of its symbols, and no sentence or
   * clause even loosely similar. However long or fluent the answer, it does not make the point. (A
   * long, rubric-like reference is exempt: answers that word it quite differently are often right.)
   */
  private static boolean noEvidence(KeyPoint point, PointFeatures f, AnswerText answer) {
    if (!answer.hasWords) {
      return true; // not one word outside LaTeX commands: nothing to make any point with
    }
    if (CalibratedModel.isLongReference(point.text())) {
      return false;
    }
    double[] v = f.values();
    return v[FeatureExtractor.NAMES.indexOf("lex_recall_new")] == 0
        && v[FeatureExtractor.NAMES.indexOf("symbol_coverage")] == 0
        && v[FeatureExtractor.NAMES.indexOf("sim_best_unit")] < NO_EVIDENCE_SIMILARITY;
  }

  /**
   * The sentence in which one of the phrases appears: most of its content words in one clause,
   * negated exactly as the phrase is (so "is not frozen" does not make "is frozen").
   */
  private static Optional<String> findPhrase(
      List<String> phrases, AnswerText answer, boolean sameNegation) {
    for (String phrase : phrases) {
      Set<String> wanted = new HashSet<>(ContentWords.stems(phrase));
      if (wanted.isEmpty()) {
        continue;
      }
      for (int u = 0; u < answer.units.size(); u++) {
        if (answer.leaf.get(u)
            && ContentWords.coverage(wanted, answer.unitStems.get(u)) >= PHRASE_COVERAGE) {
          String unit = answer.units.get(u);
          if (!sameNegation || !ContradictionCues.negationMismatch(phrase, unit)) {
            return Optional.of(answer.sentenceOf.get(u));
          }
        }
      }
    }
    return Optional.empty();
  }
}
