package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContradictionCuesTest {
  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "W_0 is frozen during fine-tuning | W_0 is not frozen during fine-tuning | NEGATION",
        "the gradient of A is zero | the gradient of A isn't zero | NEGATION",
        "a larger rank decreases the error | a larger rank increases the error | ANTONYM",
        "apply layer norm before the attention | apply layer norm after the attention | ANTONYM",
        "the variance grows larger | the variance grows smaller | ANTONYM",
        "W_0 is frozen during fine-tuning | W_0 stays frozen while A and B train | NONE",
        "nothing ever trains | in the end nothing trains at all | NONE",
        "the loss decreases | the loss goes down steadily and decreases | NONE",
      })
  void findsTheCue(String point, String passage, String expected) {
    String found = ContradictionCues.find(point, passage).map(c -> c.kind().name()).orElse("NONE");
    assertThat(found).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "it is not frozen | 1",
        "it can't be | 1",
        "never, not once | 2",
        "it is frozen | 0"
      })
  void countsNegations(String text, int expected) {
    assertThat(ContradictionCues.negations(text)).isEqualTo(expected);
  }
}
