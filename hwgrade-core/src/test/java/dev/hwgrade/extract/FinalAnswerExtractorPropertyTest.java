package dev.hwgrade.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.extract.FinalAnswerExtractor.Rule;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of {@link FinalAnswerExtractor} over generated reasoning. */
class FinalAnswerExtractorPropertyTest {

  @Property(tries = 500)
  void aFinalAnswerLineWinsOverEverythingBeforeIt(
      @ForAll("reasoning") String reasoning, @ForAll("values") String value) {
    String text = reasoning + "\n\n**Final Answer:** " + value + "\n";
    assertThat(FinalAnswerExtractor.extract(text)).contains(value);
  }

  @Property(tries = 500)
  void aBoxedValueAtTheEndIsTheAnswerWhenNothingIsStated(
      @ForAll("reasoning") String reasoning, @ForAll("values") String value) {
    String text = reasoning + "\n\nTherefore\n$$\\boxed{" + value + "}$$\n";
    assertThat(FinalAnswerExtractor.extract(text)).contains(value);
  }

  @Example
  void aPlaceholderAfterReasoningIsNoAnswerAsItIsAlone() {
    // found with seed 8512010009543492949: reasoning "" and value "na"
    for (String placeholder : List.of("na", "unknown", "tbd", "N/A")) {
      String alone = "**Final Answer:** " + placeholder + "\n";
      assertThat(FinalAnswerExtractor.extract(alone)).as(alone).isEmpty();
      String after = "We compute the product.\nSo the total is 9 MB.\n\n" + alone;
      assertThat(FinalAnswerExtractor.extract(after)).as(after).isEmpty();
      assertThat(FinalAnswerExtractor.extractMarked(after).rule()).isEqualTo(Rule.NONE);
    }
  }

  @Example
  void aValueAfterThePlaceholderReasoningIsStillFound() {
    assertThat(FinalAnswerExtractor.extract("We compute the product.\n\n**Final Answer:** na2\n"))
        .contains("na2");
  }

  @Property(tries = 1000)
  void anyTextGivesNothingOrABoundedNonBlankAnswer(@ForAll String text) {
    FinalAnswerExtractor.extract(text)
        .ifPresent(
            a ->
                assertThat(a)
                    .isNotBlank()
                    .hasSizeLessThanOrEqualTo(FinalAnswerExtractor.MAX_ANSWER_CHARS + 2));
  }

  @Provide
  Arbitrary<String> reasoning() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "We compute the product.",
            "The rank is **at most** k.",
            "**Step 1:** expand.",
            "$$x = \\frac{a}{b}$$",
            "```\nFinal answer: 0\n```",
            "- a bullet",
            "So the total is 9 MB.",
            "(a) one case; (b) another.",
            "\n",
            "---");
    return pieces.list().ofMaxSize(12).map(list -> String.join("\n", list));
  }

  @Provide
  Arbitrary<String> values() {
    // a placeholder such as "na", "tbd" or "unknown" declines: it is no value to find
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .numeric()
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(v -> !NonAnswers.isNonAnswer(v));
  }
}
