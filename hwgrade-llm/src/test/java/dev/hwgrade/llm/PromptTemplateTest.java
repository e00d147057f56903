package dev.hwgrade.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which variables a template names, so that an expensive one is rendered only when used. */
class PromptTemplateTest {
  @Test
  void usesNamesOnlyTheVariablesWrittenInBraces() {
    Set<String> known = Set.of("assignment", "assignment_title");
    PromptTemplate t = PromptTemplate.of("Solve {{ assignment_title }} (not assignment)", known);
    assertThat(t.uses("assignment_title")).isTrue();
    assertThat(t.uses("assignment")).isFalse();
    assertThat(t.render(Map.of("assignment_title", "HW 1")))
        .isEqualTo("Solve HW 1 (not assignment)");
    assertThat(PromptTemplate.of("{{assignment}}", known).uses("assignment")).isTrue();
  }
}
