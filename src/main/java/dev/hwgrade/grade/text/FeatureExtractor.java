package dev.hwgrade.grade.text;

import dev.hwgrade.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
          "sim_whole_minus_question");

  private final SentenceEmbedder embedder;

  public FeatureExtractor(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  /** The features of each point against the response, in the order of the points. */
  public List<PointFeatures> extract(String question, List<String> points, AnswerText answer) {
    // Only whole sentences are embedded: a clause is scored with its sentence's vector and the
    // answer with the mean of its sentences, which keeps the cost near one pass over the text.
    List<String> sentences = new ArrayList<>(new java.util.LinkedHashSet<>(answer.sentenceOf));
    List<String> batch = new ArrayList<>();
    batch.add(question == null || question.isBlank() ? "-" : question);
    batch.addAll(sentences);
    List<List<String>> pointSentences = new ArrayList<>();
    for (String p : points) {
      List<String> ss = facets(p);
      pointSentences.add(ss);
      batch.add(p);
      if (ss.size() > 1) {
        batch.addAll(ss);
      }
    }
    float[][] e = embedder.embed(batch);
    float[] q = e[0];
    float[][] unitEmbeddings = new float[answer.units.size()][];
    for (int u = 0; u < unitEmbeddings.length; u++) {
      unitEmbeddings[u] = e[1 + sentences.indexOf(answer.sentenceOf.get(u))];
    }
    float[] whole = mean(e, 1, sentences.size());
    int next = 1 + sentences.size();
    Set<String> questionStems = ContentWords.stems(question);
    List<PointFeatures> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      float[] pe = e[next++];
      List<float[]> se = new ArrayList<>();
      if (pointSentences.get(i).size() > 1) {
        for (int j = 0; j < pointSentences.get(i).size(); j++) {
          se.add(e[next++]);
        }
      } else {
        se.add(pe);
      }
      out.add(
          features(
              points.get(i),
              pointSentences.get(i),
              pe,
              se,
              q,
              whole,
              unitEmbeddings,
              answer,
              questionStems));
    }
    return out;
  }

  /** The unit-length mean of {@code count} vectors from {@code from}. */
  private static float[] mean(float[][] e, int from, int count) {
    if (count == 1) {
      return e[from];
    }
    float[] m = new float[e[from].length];
    for (int k = from; k < from + count; k++) {
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
    Optional<ContradictionCues.Cue> cue = ContradictionCues.find(point, answer.units.get(bestLeaf));
    if (cue.isEmpty() && bestLexUnit != bestLeaf) {
      cue = ContradictionCues.find(point, answer.units.get(bestLexUnit));
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
