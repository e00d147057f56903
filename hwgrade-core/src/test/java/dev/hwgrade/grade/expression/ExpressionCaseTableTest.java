package dev.hwgrade.grade.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the expression grader's case table, {@code expression/cases.jsonl}: one test per line. */
class ExpressionCaseTableTest {
  // A generous time limit, as in VerifyCaseTableTest: the rows check verdicts, not the speed of a
  // busy machine.
  private static final ExpressionGrader GRADER =
      new ExpressionGrader(GradingOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(60)));

  static Stream<Arguments> cases() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Arguments> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                ExpressionCaseTableTest.class.getResourceAsStream("/expression/cases.jsonl"),
                StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = mapper.readTree(line);
        String label =
            number
                + " ["
                + n.path("category").asText()
                + "] "
                + n.path("key").asText()
                + " ⟷ "
                + n.path("response").asText();
        out.add(Arguments.of(Named.of(label, n)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void gradesAsTheTableSays(JsonNode c) {
    Grade grade = grade(c);

    Verdict expected = Verdict.fromId(c.path("expected").asText());
    assertThat(grade.verdict()).as(grade.explanation()).isEqualTo(expected);
    assertThat(grade.explanation()).isNotBlank();
  }

  /** One grader shared by many threads gives the same grades as one thread. */
  @Test
  void gradesTheSameOnManyThreads() throws IOException {
    List<JsonNode> all = cases().map(a -> (JsonNode) ((Named<?>) a.get()[0]).getPayload()).toList();
    List<String> sequential = all.stream().map(c -> summary(grade(c))).toList();
    for (int round = 0; round < 3; round++) {
      List<String> parallel = all.parallelStream().map(c -> summary(grade(c))).toList();
      assertThat(parallel).isEqualTo(sequential);
    }
  }

  private static String summary(Grade g) {
    return g.verdict() + " " + g.explanation();
  }

  private static Grade grade(JsonNode c) {
    Key.Builder key = Key.builder(Kind.EXPRESSION).answer(c.path("key").asText());
    List<String> matrices = new ArrayList<>();
    c.path("matrices").forEach(m -> matrices.add(m.asText()));
    List<String> alternatives = new ArrayList<>();
    c.path("alternatives").forEach(m -> alternatives.add(m.asText()));
    key.matrices(matrices).alternatives(alternatives).ordered(c.path("ordered").asBoolean(true));
    Part part = Part.adHoc("t", "", key.build());
    return GRADER.grade(part, Answer.of("t", c.path("response").asText()));
  }
}
