package dev.hwgrade.grade.bool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.CaseTable;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BooleanGraderTest {
  private static final BooleanGrader GRADER = new BooleanGrader(GradingOptions.DEFAULT);

  static Stream<Map<String, Object>> cases() {
    return CaseTable.read("/boolean/cases.yaml").stream();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void gradesAsTheTableSays(Map<String, Object> c) {
    Part part = Part.adHoc("t", "", Key.of(Kind.BOOLEAN, String.valueOf(c.get("key"))));
    Grade g = GRADER.grade(part, Answer.of("t", String.valueOf(c.get("response"))));
    assertThat(g.verdict().id()).as(g.explanation()).isEqualTo(c.get("verdict"));
    assertThat(g.explanation()).isNotBlank();
    assertThat(g.score()).isBetween(0.0, 1.0);
  }
}
