package dev.hwgrade.grade.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwgrade.grade.GradingEngine;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import dev.hwgrade.quantity.QuantityUnit;
import dev.hwgrade.quantity.UnitParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The numeric case table, {@code numeric/cases.jsonl}: {@code read} rows check how a quantity is
 * read (value in a named unit, or a range), {@code grade} rows grade a response against a key
 * through the grading engine and check the verdict, and words the explanation and diagnosis must
 * contain.
 */
class NumericCaseTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GradingEngine ENGINE = GradingEngine.builder().parallelism(1).build();

  static Stream<Arguments> rows(String type) throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                NumericCaseTableTest.class.getResourceAsStream("/numeric/cases.jsonl"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        if (n.get("type").asText().equals(type)) {
          out.add(Arguments.of(n.get("id").asText(), n));
        }
      }
    }
    return out.stream();
  }

  static Stream<Arguments> readRows() throws IOException {
    return rows("read");
  }

  static Stream<Arguments> gradeRows() throws IOException {
    return rows("grade");
  }

  @Test
  void theTableIsLargeAndCoversEveryVerdict() throws IOException {
    assertThat(readRows().count() + gradeRows().count()).isGreaterThanOrEqualTo(200);
    List<String> verdicts =
        gradeRows().map(a -> ((JsonNode) a.get()[1]).get("verdict").asText()).distinct().toList();
    assertThat(verdicts)
        .contains("correct", "partially_correct", "incorrect", "unanswered", "needs_review");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readRows")
  void readsQuantity(String id, JsonNode row) throws Exception {
    String text = row.get("text").asText();
    KeyTarget t = NumericKey.read(Key.of(Kind.NUMERIC, text)).primary();
    QuantityUnit expected = UnitParser.shared().parse(row.get("unit").asText()).orElseThrow();
    assertThat(t.unit().sameDimension(expected))
        .as("%s: read unit %s, expected the dimension of %s", text, t.unit(), expected)
        .isTrue();
    double f = t.unit().factorTo(expected);
    if (row.has("low")) {
      assertThat(t.low() * f)
          .as(text + " low end")
          .isCloseTo(row.get("low").asDouble(), within(tol(row.get("low"))));
      assertThat(t.high() * f)
          .as(text + " high end")
          .isCloseTo(row.get("high").asDouble(), within(tol(row.get("high"))));
    } else {
      assertThat(t.isRange()).as(text + " is no range").isFalse();
      assertThat(t.low() * f)
          .as(text)
          .isCloseTo(row.get("value").asDouble(), within(tol(row.get("value"))));
    }
  }

  private static double tol(JsonNode v) {
    return Math.abs(v.asDouble()) * 1e-6 + 1e-30;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gradeRows")
  void grades(String id, JsonNode row) {
    Key.Builder kb = Key.builder(Kind.NUMERIC).answer(row.get("key").asText());
    if (row.has("tolerance")) {
      kb.tolerance(row.get("tolerance").asDouble());
    }
    if (row.has("partial_within")) {
      kb.partialWithin(row.get("partial_within").asDouble());
    }
    if (row.has("sigfigs")) {
      kb.sigfigs(row.get("sigfigs").asInt());
    }
    if (row.has("unit")) {
      kb.unit(row.get("unit").asText());
    }
    if (row.has("explanation")) {
      kb.explanation(row.get("explanation").asText());
    }
    if (row.has("alternatives")) {
      List<String> alts = new ArrayList<>();
      row.get("alternatives").forEach(a -> alts.add(a.asText()));
      kb.alternatives(alts);
    }
    String question = row.has("question") ? row.get("question").asText() : "";
    Part part = Part.adHoc(id, question, kb.build());
    Grade g = ENGINE.grade(part, Answer.of(id, row.get("response").asText()));
    Verdict expected = Verdict.fromId(row.get("verdict").asText());
    String context = "key " + row.get("key") + ", response " + row.get("response") + " → " + g;
    assertThat(g.verdict()).as(context).isEqualTo(expected);
    assertThat(g.explanation()).as(context).isNotBlank();
    if (row.has("explanation_contains")) {
      row.get("explanation_contains")
          .forEach(w -> assertThat(g.explanation()).as(context).contains(w.asText()));
    }
    if (expected == Verdict.PARTIALLY_CORRECT || expected == Verdict.INCORRECT) {
      assertThat(g.diagnosis()).as("every miss is diagnosed: " + context).isNotBlank();
      assertThat(g.diagnosis()).as(context).contains("consistent with");
    }
    if (row.has("diagnosis_contains")) {
      row.get("diagnosis_contains")
          .forEach(w -> assertThat(g.diagnosis()).as(context).contains(w.asText()));
    }
  }
}
