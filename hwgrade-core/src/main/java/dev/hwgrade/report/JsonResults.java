package dev.hwgrade.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hwgrade.analyze.Analysis;
import dev.hwgrade.analyze.Analyzer;
import dev.hwgrade.analyze.GroupStats;
import dev.hwgrade.analyze.Tally;
import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.review.Fingerprint;
import dev.hwgrade.review.Review;
import dev.hwgrade.review.ReviewStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code results.json}: schema version 2, one entry per part (with its review, if any) and
 * the summary with the score over decided parts and the range the final score can still take.
 */
public final class JsonResults {
  /** The version of the results.json layout; raised when a field changes meaning or goes away. */
  public static final int SCHEMA_VERSION = 2;

  /** The file's name in a model's reports folder. */
  public static final String FILE = "results.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonResults() {}

  public static String render(Analysis a) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("assignment", a.assignment().id());
    root.put("title", a.assignment().title());
    root.put("model", a.response().modelName());
    root.put("modelId", a.response().modelId());
    root.put("gradedAt", a.gradedAt().toString());
    List<Object> parts = new ArrayList<>();
    for (PartResult r : a.results()) {
      parts.add(part(r, a.review(r.part().id()).orElse(null)));
    }
    root.put("parts", parts);
    Map<String, Object> summary = summary(a.overall());
    summary.put(
        "reviewed", a.reviewStatus().values().stream().filter(ReviewStatus::applied).count());
    summary.put("staleReviews", a.staleReviews().size());
    root.put("summary", summary);
    root.put("problems", groups(a.byProblem()));
    root.put("categories", groups(a.byCategory()));
    SamplesSection.json(a, root);
    UsageSection.json(a, root);
    JudgeSection.json(a, root);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render results.json", e);
    }
  }

  static Map<String, Object> part(PartResult r, ReviewStatus review) {
    Grade g = r.grade();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.part().id());
    m.put("problem", r.part().problemId());
    m.put("category", r.part().category());
    m.put("kind", r.part().key().kind().id());
    m.put("weight", r.part().weight());
    m.put("verdict", g.verdict().id());
    // A part awaiting review has no score yet: null, never 1.0 or 0.
    m.put("score", g.verdict() == Verdict.NEEDS_REVIEW ? null : Numbers.round(g.score(), 4));
    m.put("confidence", Numbers.round(g.confidence(), 4));
    m.put("extracted", g.extracted());
    m.put("key", Analyzer.keyAnswer(r.part()));
    m.put("explanation", g.explanation());
    m.put("grader", g.grader());
    if (!g.evidence().isEmpty()) {
      m.put("evidence", g.evidence());
    }
    if (g.diagnosis() != null) {
      m.put("diagnosis", g.diagnosis());
    }
    m.put("answerFingerprint", Fingerprint.answer(r));
    m.put("keyFingerprint", Fingerprint.key(r.part().key()));
    m.put("reviewed", review != null && review.applied());
    m.put("reviewStale", review != null && review.stale());
    JudgeSection.jsonPart(r, m);
    if (review != null) {
      Review rv = review.review();
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("verdict", rv.verdict().id());
      o.put("score", Numbers.round(rv.score(), 4));
      o.put("reviewer", rv.reviewer());
      o.put("at", rv.at().toString());
      o.put("comment", rv.comment());
      o.put("overrode", rv.overrides().verdict().id());
      o.put("history", review.historySize());
      if (review.stale()) {
        o.put("staleReason", review.staleReason());
      }
      m.put("review", o);
      m.put("automaticVerdict", review.automatic().id());
    }
    return m;
  }

  static Map<String, Object> summary(Tally t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", t.total());
    for (Verdict v : Verdict.values()) {
      m.put(v.id(), t.count(v));
    }
    m.put("score", Numbers.round(t.score(), 4));
    m.put("decided", t.decided());
    m.put("awaitingReview", t.awaiting());
    m.put("scoreLower", Numbers.round(t.lowerBound(), 4));
    m.put("scoreUpper", Numbers.round(t.upperBound(), 4));
    return m;
  }

  private static List<Object> groups(List<GroupStats> gs) {
    List<Object> out = new ArrayList<>();
    for (GroupStats g : gs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", g.key());
      m.put("title", g.title());
      m.put("parts", g.partIds());
      m.putAll(summary(g.tally()));
      out.add(m);
    }
    return out;
  }
}
