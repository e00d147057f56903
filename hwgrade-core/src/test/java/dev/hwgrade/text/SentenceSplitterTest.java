package dev.hwgrade.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
  @Test
  void splitsAtSentenceEnds() {
    assertThat(
            SentenceSplitter.sentences(
                "Increase the rank k. Then initialise from the SVD! Why? Because."))
        .containsExactly("Increase the rank k.", "Then initialise from the SVD!", "Why? Because.");
  }

  @Test
  void keepsAbbreviationsAndDecimalsInside() {
    assertThat(SentenceSplitter.sentences("Use a small rate, e.g. 0.5 or 1e-3. It converges."))
        .containsExactly("Use a small rate, e.g. 0.5 or 1e-3.", "It converges.");
    assertThat(SentenceSplitter.sentences("The loss falls (see Fig. 2) quickly. Done now."))
        .containsExactly("The loss falls (see Fig. 2) quickly.", "Done now.");
  }

  @Test
  void bulletsAndNumberedItemsAreSentences() {
    String text = "Two reasons:\n- the gradient of B is zero\n- A never changes\n1) nothing trains";
    assertThat(SentenceSplitter.sentences(text))
        .containsExactly(
            "Two reasons:", "the gradient of B is zero", "A never changes", "nothing trains");
  }

  @Test
  void lowerCaseAfterADotDoesNotStartASentence() {
    assertThat(SentenceSplitter.sentences("W_0 is frozen. only A and B train."))
        .containsExactly("W_0 is frozen. only A and B train.");
  }

  @Test
  void clausesSplitAtLinkingWordsAndSemicolons() {
    assertThat(
            SentenceSplitter.clauses(
                "Both matrices start at zero, so the gradients of A and B are zero; nothing ever trains"))
        .containsExactly(
            "Both matrices start at zero",
            "so the gradients of A and B are zero",
            "nothing ever trains");
    assertThat(SentenceSplitter.clauses("The training fails because the gradient vanishes"))
        .containsExactly("The training fails", "because the gradient vanishes");
  }

  @Test
  void shortPiecesStayWithANeighbour() {
    assertThat(SentenceSplitter.clauses("Yes, but why")).containsExactly("Yes, but why");
  }

  @Test
  void unitsHoldSentencesAndTheirClauses() {
    List<String> units =
        SentenceSplitter.units("The rank is too low, so increase k. Done with it.");
    assertThat(units)
        .containsExactly(
            "The rank is too low, so increase k.",
            "The rank is too low",
            "so increase k.",
            "Done with it.");
  }

  @Test
  void emptyAndBlankGiveNothing() {
    assertThat(SentenceSplitter.sentences("")).isEmpty();
    assertThat(SentenceSplitter.sentences("  \n\n ")).isEmpty();
    assertThat(SentenceSplitter.sentences(null)).isEmpty();
    assertThat(SentenceSplitter.clauses(" ")).isEmpty();
  }

  @Property(tries = 200)
  void neverLosesAWord(@ForAll String text) {
    long wordsIn = words(text.length() > SentenceSplitter.MAX_CHARS ? "" : text);
    long wordsOut =
        SentenceSplitter.sentences(text).stream().mapToLong(SentenceSplitterTest::words).sum();
    if (text.length() <= SentenceSplitter.MAX_CHARS) {
      assertThat(wordsOut).isLessThanOrEqualTo(wordsIn);
    }
    for (String s : SentenceSplitter.sentences(text)) {
      assertThat(s).isNotBlank();
    }
  }

  private static long words(String s) {
    return java.util.Arrays.stream(s.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).count();
  }
}
