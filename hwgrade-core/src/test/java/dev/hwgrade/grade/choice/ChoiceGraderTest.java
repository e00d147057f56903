package dev.hwgrade.grade.choice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.CaseTable;
import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChoiceGraderTest {
  private static final ChoiceGrader GRADER = new ChoiceGrader(GradingOptions.DEFAULT);

  static Stream<Map<String, Object>> cases() {
    return CaseTable.read("/choice/cases.yaml").stream();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void gradesAsTheTableSays(Map<String, Object> c) {
    Map<String, String> options = new LinkedHashMap<>();
    ((Map<String, Object>) c.get("options")).forEach((k, v) -> options.put(k, String.valueOf(v)));
    Key key =
        Key.builder(Kind.CHOICE).answer(String.valueOf(c.get("key"))).options(options).build();
    Grade g =
        GRADER.grade(Part.adHoc("t", "", key), Answer.of("t", String.valueOf(c.get("response"))));
    assertThat(g.verdict().id()).as(g.explanation()).isEqualTo(c.get("verdict"));
    assertThat(g.explanation()).isNotBlank();
  }
}
