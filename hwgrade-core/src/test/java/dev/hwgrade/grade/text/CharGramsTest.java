package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Letter n-gram overlap: tolerant of spelling, blind to the question's own words. */
class CharGramsTest {
  private static final String QUESTION = "How did you separate the salt from the water?";
  private static final String KEY = "The water was evaporated, leaving the salt.";

  @Test
  void aMisspelledWordStillSharesMostOfItsLetterGrams() {
    double[] spelled = CharGrams.features(QUESTION, KEY, "We evaporated it and salt was leaving.");
    double[] misspelled = CharGrams.features(QUESTION, KEY, "We evaprated it, leavin salt.");
    double[] unrelated = CharGrams.features(QUESTION, KEY, "We used a magnet.");
    // [char3 cosine, char3 recall, char4 cosine, char4 recall, word-pair recall]
    assertThat(spelled[1]).isCloseTo(1.0, within(1e-9));
    assertThat(misspelled[1]).isGreaterThan(0.5).isLessThan(spelled[1]);
    assertThat(misspelled[0]).isGreaterThan(unrelated[0] + 0.3);
    assertThat(unrelated[3]).isLessThan(0.1);
  }

  @Test
  void wordsTheQuestionAlreadyGivesCountForNothing() {
    double[] echo =
        CharGrams.features(QUESTION, KEY, "You separate the salt from the water, the salt.");
    assertThat(echo[0]).isZero();
    assertThat(echo[1]).isZero();
  }

  @Test
  void wordPairsAreReadInOrder() {
    double[] same = CharGrams.features("", "the root grows first", "the root grows first");
    double[] shuffled = CharGrams.features("", "the root grows first", "first grows root the");
    assertThat(same[4]).isEqualTo(1.0);
    assertThat(shuffled[4]).isZero();
    assertThat(shuffled[1]).isEqualTo(1.0);
  }

  @Test
  void emptyTextsGiveZeros() {
    assertThat(CharGrams.features(null, "", "")).containsOnly(0.0);
    assertThat(CharGrams.features("q", "a point", "")).hasSize(CharGrams.COUNT);
  }
}
