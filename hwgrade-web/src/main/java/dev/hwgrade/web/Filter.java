package dev.hwgrade.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the queue is narrowed to; a blank field does not filter.
 *
 * @param model a model id
 * @param problem a problem id
 * @param verdict a verdict id (the verdict in force)
 * @param kind a key kind
 */
record Filter(String model, String problem, String verdict, String kind) {
  static final Filter NONE = new Filter("", "", "", "");

  Filter {
    model = clean(model);
    problem = clean(problem);
    verdict = clean(verdict);
    kind = clean(kind);
  }

  /** The filter of a request's parameters ({@code fmodel}, {@code fproblem}, …). */
  static Filter of(Function<String, String> param) {
    return new Filter(
        param.apply("fmodel"),
        param.apply("fproblem"),
        param.apply("fverdict"),
        param.apply("fkind"));
  }

  boolean accepts(ReviewQueue.Entry e) {
    return (model.isEmpty() || model.equals(e.modelId()))
        && (problem.isEmpty() || problem.equals(e.part().problem()))
        && (verdict.isEmpty() || verdict.equals(e.part().stored().verdict().id()))
        && (kind.isEmpty() || kind.equals(e.part().kind()));
  }

  Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("fmodel", model);
    m.put("fproblem", problem);
    m.put("fverdict", verdict);
    m.put("fkind", kind);
    return m;
  }

  /** The filter as a query string ({@code &}-joined, without a leading separator). */
  String query() {
    StringBuilder sb = new StringBuilder();
    params()
        .forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(enc(v));
              }
            });
    return sb.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String clean(String s) {
    return s == null ? "" : s.strip();
  }
}
