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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code results.json}: schema version 1, one entry per part and the summary. */
public final class JsonResults {
  /** The version of the results.json layout; raised when a field changes meaning or goes away. */
  public static final int SCHEMA_VERSION = 1;

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
      parts.add(part(r));
    }
    root.put("parts", parts);
    root.put("summary", summary(a.overall()));
    root.put("problems", groups(a.byProblem()));
    root.put("categories", groups(a.byCategory()));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render results.json", e);
    }
  }

  static Map<String, Object> part(PartResult r) {
    Grade g = r.grade();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.part().id());
    m.put("problem", r.part().problemId());
    m.put("category", r.part().category());
    m.put("kind", r.part().key().kind().id());
    m.put("weight", r.part().weight());
    m.put("verdict", g.verdict().id());
    m.put("score", Numbers.round(g.score(), 4));
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
    return m;
  }

  static Map<String, Object> summary(Tally t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", t.total());
    for (Verdict v : Verdict.values()) {
      m.put(v.id(), t.count(v));
    }
    m.put("score", Numbers.round(t.score(), 4));
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
