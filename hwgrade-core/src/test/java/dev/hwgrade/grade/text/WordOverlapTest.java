package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WordOverlapTest {
  @Test
  void countsOnlyTheReferencesWordsTheQuestionDoesNotGive() {
    String q = "Why does the bulb light?";
    String ref = "The bulb is in a closed path with the battery.";
    // new stems: close, path, batteri ("bulb" is the question's)
    assertThat(WordOverlap.referenceRecall(q, ref, "It is in a closed path."))
        .isCloseTo(2.0 / 3, within(1e-9));
    assertThat(WordOverlap.referenceRecall(q, ref, "The bulb lights.")).isEqualTo(0.0);
    assertThat(WordOverlap.referenceRecall(q, ref, "closed paths with batteries")).isEqualTo(1.0);
  }

  @Test
  void aReferenceTheQuestionGivesWholeCountsAllItsWords() {
    assertThat(WordOverlap.referenceRecall("Does the bulb light?", "bulb light", "the bulb"))
        .isEqualTo(0.5);
  }
}
