package dev.hwgrade.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.CaseTable;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What kind a verify line without one is graded as. */
class KindDetectorTest {
  static Stream<Map<String, Object>> cases() {
    return CaseTable.read("/verify/kinds.yaml").stream();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void detectsTheKind(Map<String, Object> c) {
    boolean numericOptions = c.containsKey("unit") || c.containsKey("tolerance");
    assertThat(
            KindDetector.detect(
                    String.valueOf(c.get("key")),
                    c.containsKey("options"),
                    c.containsKey("key_points"),
                    numericOptions,
                    c.containsKey("matrices"))
                .id())
        .isEqualTo(c.get("kind"));
  }
}
