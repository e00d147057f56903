package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the homework-style case table {@code text/cases.yaml} through the real text grader. */
class TextGraderCaseTest {
  private static final TextGrader GRADER = new TextGrader(GradingOptions.DEFAULT.withDecide(true));

  static Stream<Arguments> cases() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in = TextGraderCaseTest.class.getResourceAsStream("/text/cases.yaml")) {
      JsonNode root = yaml.readTree(in);
      List<Arguments> out = new ArrayList<>();
      root.forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradesAsATeacherWould(String name, JsonNode c) {
    Part part = Part.adHoc("1.a", c.path("question").asText(""), key(c));
    Grade g = GRADER.grade(part, Answer.of("1.a", c.get("response").asText()));

    assertThat(g.verdict())
        .as("%s%n%s%n%s", name, g.explanation(), String.join("\n", g.evidence()))
        .isEqualTo(Verdict.fromId(c.get("verdict").asText()));
    if (c.has("points")) {
      List<String> statuses = new ArrayList<>();
      g.evidence().forEach(e -> statuses.add(e.substring(0, e.indexOf(':'))));
      List<String> expected = new ArrayList<>();
      c.get("points").forEach(p -> expected.add(p.asText()));
      assertThat(statuses).as("%s%n%s", name, String.join("\n", g.evidence())).isEqualTo(expected);
    }
    assertThat(g.explanation()).isNotBlank();
    if (g.verdict() != Verdict.CORRECT) {
      assertThat(g.diagnosis()).startsWith("Consistent with");
    }
  }

  private static Key key(JsonNode c) {
    List<KeyPoint> points = new ArrayList<>();
    for (JsonNode p : c.path("key_points")) {
      points.add(
          new KeyPoint(
              p.get("text").asText(),
              p.path("required").asBoolean(true),
              p.path("weight").asDouble(1.0),
              strings(p.path("accept")),
              strings(p.path("reject"))));
    }
    return Key.builder(Kind.TEXT).answer(c.get("answer").asText()).keyPoints(points).build();
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(n -> out.add(n.asText()));
    return out;
  }
}
