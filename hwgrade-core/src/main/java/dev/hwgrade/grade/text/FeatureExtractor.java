package dev.hwgrade.grade.text;

import dev.hwgrade.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the signals that say whether a response makes a key point: sentence-embedding similarity
 * (whole answer and best sentence or clause), lexical coverage of the point's content words
 * (ignoring words the question already gives away), symbols and numbers, contradiction cues and
 * length. All texts of one response are embedded in one batch. The answer's length counts only up
 * to that of a full student answer, and never relative to the key point's length: a model's answers
 * are long, right or wrong, and key points are short.
 */
public final class FeatureExtractor {
  /**
   * The feature that says a point is a long, rubric-like reference answer; the model weighs every
   * other feature separately for such points.
   */
  public static final String LONG_POINT = "long_point";

  /** Feature names, in order; the model file lists them so a mismatch is caught on load. */
  public static final List<String> NAMES =
      List.of(
          "sim_whole",
          "sim_best_unit",
          "lex_recall_new",
          "lex_recall_all",
          "lex_precision_new",
          "lex_best_unit",
          "symbols_present",
          "symbol_coverage",
          "negation_mismatch",
          "antonym_conflict",
          "log_answer_tokens",
          "log_point_tokens",
          "sim_question",
          "facet_sim_mean",
          "facet_sim_min",
          "facet_lex_mean",
          "facet_lex_min",
          "facet_covered",
          "number_coverage",
          "numbers_present",
          "sim_whole_minus_question",
          "seg_sim_mean",
          "seg_sim_min",
          "seg_share_50",
          "seg_share_60",
          "seg_share_70",
          "seg_lex_mean",
          "seg_lex_share_50",
          "log_segments",
          "seg_unit_lex_mean",
          "seg_unit_lex_share_50",
          "sim_question_point",
          "polarity_mismatch",
          "polarity_match",
          "lead_sim",
          "lead_lex",
          "lead_unit_lex",
          "char3_cos",
          "char3_recall",
          "char4_cos",
          "char4_recall",
          "pair_recall",
          LONG_POINT);

  private final SentenceEmbedder embedder;

  public FeatureExtractor(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  /** The features of each point against the response, in the order of the points. */
  public List<PointFeatures> extract(String question, List<String> points, AnswerText answer) {
    // One batch of distinct texts: the question, each sentence of the answer, and each point with
    // its sentences and clauses. A clause of the answer is scored with its sentence's vector and
    // the answer as a whole with the mean of its sentences, which keeps the cost near one pass
    // over the answer's text.
    Map<String, Integer> index = new LinkedHashMap<>();
    String q = question == null || question.isBlank() ? "-" : question;
    add(index, q);
    List<String> sentences = new ArrayList<>(new java.util.LinkedHashSet<>(answer.sentenceOf));
    sentences.forEach(t -> add(index, t));
    List<List<String>> pointFacets = new ArrayList<>();
    List<List<Segment>> pointSegments = new ArrayList<>();
    for (String p : points) {
      add(index, p);
      List<String> ss = facets(p);
      pointFacets.add(ss);
      ss.forEach(t -> add(index, t));
      List<Segment> segs = segments(p);
      pointSegments.add(segs);
      segs.forEach(sg -> add(index, sg.text()));
    }
    float[][] e = embedder.embed(new ArrayList<>(index.keySet()));
    float[] qv = e[index.get(q)];
    float[][] sentenceVectors = new float[answer.units.size()][];
    for (int u = 0; u < answer.units.size(); u++) {
      sentenceVectors[u] = e[index.get(answer.sentenceOf.get(u))];
    }
    float[][] sentenceRows = new float[sentences.size()][];
    for (int k = 0; k < sentences.size(); k++) {
      sentenceRows[k] = e[index.get(sentences.get(k))];
    }
    float[] whole = mean(sentenceRows);
    Set<String> questionStems = ContentWords.stems(question);
    List<PointFeatures> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      String p = points.get(i);
      float[] pe = e[index.get(p)];
      List<float[]> se = new ArrayList<>();
      for (String f : pointFacets.get(i)) {
        se.add(pointFacets.get(i).size() > 1 ? e[index.get(f)] : pe);
      }
      PointFeatures base =
          features(
              p, pointFacets.get(i), pe, se, qv, whole, sentenceVectors, answer, questionStems);
      double[] more =
          segmentFeatures(
              p, pointSegments.get(i), index, e, pe, qv, sentenceVectors, answer, questionStems);
      Optional<PointOutcome.Piece> piece =
          pieceMade(pointSegments.get(i), index, e, sentenceVectors, answer, questionStems);
      double[] chars = CharGrams.features(question, p, answer.whole);
      int b = base.values().length;
      double[] v = new double[b + more.length + chars.length + 1];
      System.arraycopy(base.values(), 0, v, 0, b);
      System.arraycopy(more, 0, v, b, more.length);
      System.arraycopy(chars, 0, v, b + more.length, chars.length);
      v[v.length - 1] = CalibratedModel.isLongReference(p) ? 1 : 0;
      out.add(
          new PointFeatures(
              v, base.bestSentence(), base.bestUnit(), base.cue(), base.facets(), piece));
    }
    return out;
  }

  private static void add(Map<String, Integer> index, String text) {
    index.putIfAbsent(text, index.size());
  }

  /**
   * A piece of a point: each sentence, and each clause of a sentence of several clauses. Leaves
   * (clauses, and sentences of one clause) are the separate things the point asks for.
   */
  record Segment(String text, boolean leaf) {}

  static List<Segment> segments(String point) {
    List<Segment> out = new ArrayList<>();
    for (String s : SentenceSplitter.sentences(point)) {
      List<String> clauses = SentenceSplitter.clauses(s);
      out.add(new Segment(s, clauses.size() <= 1));
      if (clauses.size() > 1) {
        for (String c : clauses) {
          out.add(new Segment(c, true));
        }
      }
    }
    if (out.isEmpty()) {
      out.add(new Segment(point.isBlank() ? "-" : point, true));
    }
    return out;
  }

  /**
   * A piece (leaf segment) of a point counts as made when the answer has a sentence this similar to
   * it: the middle of the three levels at which the model reads the share of pieces covered.
   */
  public static final double PIECE_MADE = 0.6;

  /**
   * For a point of two or more pieces that bring words of their own, the piece the answer makes
   * best: the one whose most similar sentence of the answer is above {@link #PIECE_MADE}, the most
   * similar first; with the share of such pieces made.
   */
  private static Optional<PointOutcome.Piece> pieceMade(
      List<Segment> segments,
      Map<String, Integer> index,
      float[][] e,
      float[][] unitVectors,
      AnswerText answer,
      Set<String> questionStems) {
    List<Segment> leaves = new ArrayList<>();
    for (Segment sg : segments) {
      Set<String> st = new HashSet<>(ContentWords.stems(sg.text()));
      st.removeAll(questionStems);
      if (sg.leaf() && !st.isEmpty()) {
        leaves.add(sg);
      }
    }
    if (leaves.size() < 2) {
      return Optional.empty();
    }
    int made = 0;
    double top = PIECE_MADE;
    Segment bestPiece = null;
    int bestUnit = -1;
    for (Segment leaf : leaves) {
      float[] sv = e[index.get(leaf.text())];
      double best = 0;
      int at = -1;
      for (int u = 0; u < unitVectors.length; u++) {
        double c = SentenceEmbedder.cosine(sv, unitVectors[u]);
        if (c > best) {
          best = c;
          at = u;
        }
      }
      if (best > PIECE_MADE) {
        made++;
        if (best > top) {
          top = best;
          bestPiece = leaf;
          bestUnit = at;
        }
      }
    }
    if (bestPiece == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PointOutcome.Piece(
            bestPiece.text(), answer.sentenceOf.get(bestUnit), made, leaves.size()));
  }

  /**
   * How much of the point, piece by piece, the answer says: for each leaf segment that brings words
   * the question does not give, the best similarity to one of the answer's clauses and the share of
   * its new words the answer uses; the first sentence (where a reference names its choice or its
   * yes or no) on its own; whether the answer opens with the opposite yes or no.
   */
  private static double[] segmentFeatures(
      String point,
      List<Segment> segments,
      Map<String, Integer> index,
      float[][] e,
      float[] pe,
      float[] q,
      float[][] unitVectors,
      AnswerText answer,
      Set<String> questionStems) {
    int n = answer.units.size();
    List<Set<String>> segmentNew = new ArrayList<>();
    for (Segment sg : segments) {
      Set<String> st = new HashSet<>(ContentWords.stems(sg.text()));
      st.removeAll(questionStems);
      segmentNew.add(st);
    }
    List<Segment> leaves = new ArrayList<>();
    List<Set<String>> leafNew = new ArrayList<>();
    for (int k = 0; k < segments.size(); k++) {
      if (segments.get(k).leaf() && !segmentNew.get(k).isEmpty()) {
        leaves.add(segments.get(k));
        leafNew.add(segmentNew.get(k));
      }
    }
    if (leaves.isEmpty()) { // nothing beyond the question's words: every piece counts
      leaves.addAll(segments);
      leafNew.addAll(segmentNew);
    }
    double simSum = 0;
    double simMin = Double.MAX_VALUE;
    int s50 = 0;
    int s60 = 0;
    int s70 = 0;
    double lexSum = 0;
    int lex50 = 0;
    double unitLexSum = 0;
    int unitLex50 = 0;
    for (int k = 0; k < leaves.size(); k++) {
      float[] sv = e[index.get(leaves.get(k).text())];
      double best = bestSimilarity(sv, unitVectors);
      simSum += best;
      simMin = Math.min(simMin, best);
      s50 += best > 0.5 ? 1 : 0;
      s60 += best > 0.6 ? 1 : 0;
      s70 += best > 0.7 ? 1 : 0;
      double lex = ContentWords.coverage(leafNew.get(k), answer.stems);
      lexSum += lex;
      lex50 += lex > 0.5 ? 1 : 0;
      double bestUnit = bestCoverage(leafNew.get(k), answer, n);
      unitLexSum += bestUnit;
      unitLex50 += bestUnit > 0.5 ? 1 : 0;
    }
    double m = leaves.size();
    Segment lead = segments.get(0);
    Set<String> leadNew = segmentNew.get(0);
    int pp = Polarity.ofKey(point);
    int pa = Polarity.ofAnswer(answer.whole);
    return new double[] {
      simSum / m,
      simMin,
      s50 / m,
      s60 / m,
      s70 / m,
      lexSum / m,
      lex50 / m,
      Math.log(m),
      unitLexSum / m,
      unitLex50 / m,
      SentenceEmbedder.cosine(q, pe),
      pp * pa < 0 ? 1 : 0,
      pp * pa > 0 ? 1 : 0,
      bestSimilarity(e[index.get(lead.text())], unitVectors),
      ContentWords.coverage(leadNew, answer.stems),
      bestCoverage(leadNew, answer, n)
    };
  }

  /**
   * A contradiction cue in one clause of the answer, read against the clause of the point that
   * shares most words with it: "so the adapter never trains" is compared with "the adapter never
   * trains", not with the whole "No gradient reaches A, so the adapter never trains".
   */
  private static Optional<ContradictionCues.Cue> cueIn(
      String point, List<String> facets, AnswerText answer, int unit) {
    String against = point;
    if (facets.size() > 1) {
      double best = -1;
      for (String f : facets) {
        double c = ContentWords.coverage(ContentWords.stems(f), answer.unitStems.get(unit));
        if (c > best) {
          best = c;
          against = f;
        }
      }
    }
    return ContradictionCues.find(against, answer.units.get(unit));
  }

  private static double bestSimilarity(float[] v, float[][] units) {
    double best = 0;
    for (float[] u : units) {
      best = Math.max(best, SentenceEmbedder.cosine(v, u));
    }
    return best;
  }

  private static double bestCoverage(Set<String> wanted, AnswerText answer, int n) {
    double best = 0;
    for (int u = 0; u < n; u++) {
      best = Math.max(best, ContentWords.coverage(wanted, answer.unitStems.get(u)));
    }
    return best;
  }

  /** The unit-length mean of the vectors. */
  private static float[] mean(float[][] e) {
    if (e.length == 1) {
      return e[0];
    }
    float[] m = new float[e[0].length];
    for (int k = 0; k < e.length; k++) {
      for (int j = 0; j < m.length; j++) {
        m[j] += e[k][j];
      }
    }
    double n = 0;
    for (float x : m) {
      n += x * x;
    }
    double norm = Math.sqrt(n);
    for (int j = 0; j < m.length; j++) {
      m[j] = norm == 0 ? 0f : (float) (m[j] / norm);
    }
    return m;
  }

  /** The clauses of a point's sentences: the separate things it asks an answer to say. */
  static List<String> facets(String point) {
    List<String> out = new ArrayList<>();
    for (String s : SentenceSplitter.sentences(point)) {
      out.addAll(SentenceSplitter.clauses(s));
    }
    return out.isEmpty() ? List.of(point) : out;
  }

  private static PointFeatures features(
      String point,
      List<String> facets,
      float[] pe,
      List<float[]> sentenceEmbeddings,
      float[] q,
      float[] whole,
      float[][] unitEmbeddings,
      AnswerText answer,
      Set<String> questionStems) {
    int n = answer.units.size();
    Set<String> pointStemsForTies = ContentWords.stems(point);
    int best = 0;
    double bestSim = -1;
    int bestLeaf = 0;
    double bestLeafSim = -1;
    for (int u = 0; u < n; u++) {
      double s = SentenceEmbedder.cosine(pe, unitEmbeddings[u]);
      if (s > bestSim) {
        bestSim = s;
        best = u;
      }
      // clauses share their sentence's vector: the clause with more of the point's words wins
      double leafScore =
          s + 1e-3 * ContentWords.coverage(pointStemsForTies, answer.unitStems.get(u));
      if (answer.leaf.get(u) && leafScore > bestLeafSim) {
        bestLeafSim = leafScore;
        bestLeaf = u;
      }
    }
    double sum = 0;
    double min = 1;
    double[] facetSim = new double[sentenceEmbeddings.size()];
    for (int k = 0; k < facetSim.length; k++) {
      double m = -1;
      for (int u = 0; u < n; u++) {
        m = Math.max(m, SentenceEmbedder.cosine(sentenceEmbeddings.get(k), unitEmbeddings[u]));
      }
      facetSim[k] = m;
      sum += m;
      min = Math.min(min, m);
    }
    List<String> facetTexts = facets.size() == facetSim.length ? facets : List.of(point);
    double lexSum = 0;
    double lexMin = 1;
    int covered = 0;
    for (int k = 0; k < facetTexts.size(); k++) {
      Set<String> fs = new HashSet<>(ContentWords.stems(facetTexts.get(k)));
      fs.removeAll(questionStems);
      double c = fs.isEmpty() ? 1.0 : ContentWords.coverage(fs, answer.stems);
      lexSum += c;
      lexMin = Math.min(lexMin, c);
      if (c >= 0.5 || (k < facetSim.length && facetSim[k] >= 0.6)) {
        covered++;
      }
    }
    Set<String> pointStems = ContentWords.stems(point);
    Set<String> newStems = new HashSet<>(pointStems);
    newStems.removeAll(questionStems);
    if (newStems.isEmpty()) {
      newStems = pointStems;
    }
    Set<String> answerNew = new HashSet<>(answer.stems);
    answerNew.removeAll(questionStems);
    double precision = ContentWords.coverage(answerNew, pointStems);
    double bestUnitLex = 0;
    int bestLexUnit = best;
    for (int u = 0; u < n; u++) {
      double c = ContentWords.coverage(newStems, answer.unitStems.get(u));
      if (answer.leaf.get(u) && c > bestUnitLex) {
        bestUnitLex = c;
        bestLexUnit = u;
      }
    }
    Set<String> pointSymbols = Symbols.of(point);
    Set<String> numbers = new HashSet<>();
    for (String sym : pointSymbols) {
      if (sym.matches("[0-9][0-9.]*")) {
        numbers.add(sym);
      }
    }
    double symbolCoverage = 0;
    if (!pointSymbols.isEmpty()) {
      int hit = 0;
      for (String s : pointSymbols) {
        if (answer.symbols.contains(s)) {
          hit++;
        }
      }
      symbolCoverage = (double) hit / pointSymbols.size();
    }
    String bestUnit = answer.units.get(best);
    // cues are read in one clause: a "not" elsewhere in the sentence says nothing of the point
    Optional<ContradictionCues.Cue> cue = cueIn(point, facets, answer, bestLeaf);
    if (cue.isEmpty() && bestLexUnit != bestLeaf) {
      cue = cueIn(point, facets, answer, bestLexUnit);
    }
    boolean negation = cue.isPresent() && cue.get().kind() == ContradictionCues.Kind.NEGATION;
    boolean antonym = cue.isPresent() && cue.get().kind() == ContradictionCues.Kind.ANTONYM;
    double[] v = {
      SentenceEmbedder.cosine(pe, whole),
      bestSim,
      ContentWords.coverage(newStems, answer.stems),
      ContentWords.coverage(pointStems, answer.stems),
      precision,
      bestUnitLex,
      pointSymbols.isEmpty() ? 0 : 1,
      symbolCoverage,
      negation ? 1 : 0,
      antonym ? 1 : 0,
      Math.log1p(answer.tokens),
      Math.log1p(point.split("\\s+").length),
      SentenceEmbedder.cosine(q, whole),
      sum / facetSim.length,
      min,
      lexSum / facetTexts.size(),
      lexMin,
      (double) covered / facetTexts.size(),
      numbers.isEmpty() ? 0 : ContentWords.coverage(numbers, answer.symbols),
      numbers.isEmpty() ? 0 : 1,
      SentenceEmbedder.cosine(pe, whole) - SentenceEmbedder.cosine(q, whole)
    };
    return new PointFeatures(v, answer.sentenceOf.get(best), bestUnit, cue, facets.size());
  }
}
