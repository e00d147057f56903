package dev.hwgrade.grade.judge;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** A verbatim quote is always found; a changed word is not. */
class QuoteCheckProperties {
  @Property(tries = 500)
  void everyPassageOfTheAnswerWithALetterIsFound(
      @ForAll @StringLength(min = 1, max = 200) @CharRange(from = 'a', to = 'z') @Chars({' ', '.'})
          String answer,
      @ForAll @IntRange(max = 199) int from,
      @ForAll @IntRange(min = 1, max = 60) int length) {
    Assume.that(from < answer.length());
    String quote = answer.substring(from, Math.min(answer.length(), from + length));
    Assume.that(quote.chars().anyMatch(Character::isLetter));
    assertThat(new QuoteCheck(answer).found(quote)).isTrue();
    assertThat(new QuoteCheck(answer).found("  " + quote.toUpperCase() + "\n")).isTrue();
  }

  @Property(tries = 300)
  void aQuoteWithAWordTheAnswerLacksIsNotFound(
      @ForAll @StringLength(max = 200) @CharRange(from = 'a', to = 'm') @Chars({' '})
          String answer) {
    assertThat(new QuoteCheck(answer).found("the current never decays")).isFalse();
  }
}
