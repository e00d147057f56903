package dev.hwgrade.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Numbers whose exact value is astronomically large are refused before exact arithmetic starts:
 * {@code 1e-999999999} once took 4 GB and timed out, and forty of them ran the process out of
 * memory.
 */
class HugeNumbersTest {
  private static final GradingEngine ENGINE = GradingEngine.builder().parallelism(1).build();

  private static Grade grade(String key, String response) {
    Part p = Part.adHoc("p", "", Key.builder(Kind.EXPRESSION).answer(key).build());
    return ENGINE.grade(p, Answer.of("p", response));
  }

  @Test
  void aTinyPowerOfTenIsComparedWithoutSpellingItOut() {
    // Each grade once needed gigabytes: twenty of them in the test JVM's 2 GB would run out of
    // memory. (The heap in use is no measure: it holds whatever the other tests left to collect.)
    for (int i = 0; i < 20; i++) {
      Grade g = grade("5", "1e-999999999");
      assertThat(g.verdict()).as(g.explanation()).isEqualTo(Verdict.INCORRECT);
      assertThat(g.explanation()).doesNotContain("OutOfMemoryError");
    }
  }

  @Test
  void aHugePowerOfTenIsNeverEquivalentToASmallKey() {
    for (String answer : new String[] {"1e999999999", "10^{999999999}", "10^{-999999999}"}) {
      Grade g = grade("5", answer);
      assertThat(g.verdict()).as(answer + ": " + g.explanation()).isNotEqualTo(Verdict.CORRECT);
      assertThat(g.explanation()).doesNotContain("OutOfMemoryError");
    }
  }
}
