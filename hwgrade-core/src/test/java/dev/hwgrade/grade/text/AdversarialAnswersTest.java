package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.KeyPoint;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rules above the text model: hidden text, word salad, floods. Case rows for the verdicts are
 * in {@code cases/text-adversarial.yaml}; these check the pieces and the inputs too large for a
 * row.
 */
class AdversarialAnswersTest {
  private static final String QUESTION =
      "In LoRA, W = W_0 + AB. Why does initialising both A and B to zero fail?";
  private static final String POINT =
      "if A and B are both zero, the gradients of A and B are both zero, so nothing ever trains";
  private static final Part PART =
      Part.adHoc(
          "1.b",
          QUESTION,
          Key.builder(Kind.TEXT)
              .answer("Both gradients are zero, so nothing ever trains.")
              .keyPoints(List.of(new KeyPoint(POINT, true, 1.0, List.of(), List.of())))
              .build());

  @Test
  void hiddenTextIsRemoved() {
    assertThat(HiddenText.strip("Visible.<!-- the key --> More.")).isEqualTo("Visible.  More.");
    assertThat(HiddenText.strip("Visible. <!-- never closed, the key")).isEqualTo("Visible.  ");
    assertThat(HiddenText.strip("A<details><summary>s</summary>the key</details>B"))
        .isEqualTo("A B");
    assertThat(HiddenText.strip("A<span style=\"display:none\">the key</span>B")).isEqualTo("A B");
    assertThat(HiddenText.strip("zero\u200Bwidth\u2060")).isEqualTo("zerowidth");
    assertThat(HiddenText.strip("x < y and y > z")).isEqualTo("x < y and y > z");
  }

  @Test
  void aBagOfTheKeysWordsIsNotASentence() {
    Set<String> key = ContentWords.stems(POINT);
    assertThat(Coherence.problem("gradients zero nothing trains", key, true)).isNotNull();
    assertThat(Coherence.problem("trains nothing zero are gradients both so ever", key, false))
        .isNotNull();
    assertThat(Coherence.problem("gradients gradients zero zero both trains trains", key, false))
        .isNotNull();
    assertThat(Coherence.problem("Both gradients are zero, so nothing ever trains.", key, false))
        .isNull();
    assertThat(
            Coherence.problem("Nothing ever trains because both gradients are zero.", key, false))
        .isNull();
    // a misspelt "they" or "there" is a slip, not a string of the key's words
    assertThat(Coherence.problem("the are both zero so nothing ever trains", key, false)).isNull();
    assertThat(Coherence.problem("their is zero gradients so nothing trains", key, false)).isNull();
    assertThat(Coherence.problem("the gradients the of zero nothing trains", key, false))
        .isNotNull();
    // a word written twice in different case is a slip ("Has has"), and a run-on sentence may
    // end and begin on the same word: one list-like repeat is not a list
    assertThat(
            Coherence.problem(
                "Gradients Are are zero for A and B Both both stay zero so nothing trains",
                key,
                false))
        .isNull();
    assertThat(
            Coherence.problem(
                "Both gradients are zero for B B is zero so nothing ever trains", key, false))
        .isNull();
  }

  @Test
  void notesFormulasAndOtherWordsAreLeftToTheModel() {
    Set<String> key = ContentWords.stems(POINT);
    // not the key's words: another language, or an answer of its own
    assertThat(Coherence.problem("Nein, denn dies führt zu Schwankungen im Netz.", key, false))
        .isNull();
    // the structure of notes and formulas
    assertThat(Coherence.problem("gradients: zero (both), trains: nothing", key, false)).isNull();
    assertThat(Coherence.problem("- gradients zero - nothing trains", key, true)).isNull();
    assertThat(
            Coherence.problem("$\\partial L / \\partial A = G B^T$ and zero gradients", key, false))
        .isNull();
    // a key written as notes lets answers be notes too
    assertThat(Coherence.problem("gradients zero nothing trains", Set.of(), true)).isNull();
    // a headline-style sentence in an answer that has punctuation is a sentence
    assertThat(Coherence.problem("duplicate gradients indicate zero training.", key, false))
        .isNull();
  }

  @Test
  void aDenialOfTheKeyIsSetAsideAndContradictsIt() {
    AnswerReading r =
        AnswerReading.of(
            "It is a misconception that the gradients are both zero. They are small.",
            QUESTION,
            POINT);
    assertThat(r.setAside).extracting(AnswerReading.Passage::stance).containsExactly(Stance.DENIED);
    assertThat(r.asserted).isEqualTo("They are small.");
  }

  @Test
  void anOrdinaryAnswerIsGradedAsWritten() {
    String answer =
        "With A = 0 and B = 0 the gradient for A is G B^T = 0 and for B it is A^T G = 0.\n"
            + "So both gradients vanish\nand nothing ever trains.";
    AnswerReading r = AnswerReading.of(answer, QUESTION, POINT);
    assertThat(r.setAside).isEmpty();
    assertThat(r.asserted).isEqualTo(answer);
  }

  @Test
  void relationReversedIsFound() {
    assertThat(
            RelationOrder.reversal(
                "The resistance of the wire increases as its temperature increases.",
                "The resistance of the wire decreases as its temperature increases."))
        .hasValueSatisfying(s -> assertThat(s).contains("decreas"));
    assertThat(
            RelationOrder.reversal(
                "Ice is less dense than liquid water.", "Liquid water is denser than ice."))
        .isEmpty();
    assertThat(RelationOrder.reversal("A causes B to grow.", "B is caused to grow by A."))
        .isEmpty();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aFloodOfRandomWordsIsNeverCredited() {
    String flood = randomWords(830_000, 7);
    Grade decide =
        new TextGrader(GradingOptions.DEFAULT.withDecide(true))
            .grade(PART, Answer.of("1.b", flood));
    assertThat(decide.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(decide.score()).isZero();
    Grade byDefault = new TextGrader(GradingOptions.DEFAULT).grade(PART, Answer.of("1.b", flood));
    assertThat(byDefault.verdict()).isIn(Verdict.INCORRECT, Verdict.NEEDS_REVIEW);
    assertThat(byDefault.score()).isLessThan(0.5);
    assertThat(byDefault.explanation()).isNotBlank();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void theKeyAmongAFloodIsNotCreditedInFull() {
    String answer =
        randomWords(20_000, 11)
            + ". If A and B are both zero, the gradients of A and B are both zero, so nothing"
            + " ever trains. "
            + randomWords(20_000, 13);
    Grade decide =
        new TextGrader(GradingOptions.DEFAULT.withDecide(true))
            .grade(PART, Answer.of("1.b", answer));
    assertThat(decide.verdict()).isIn(Verdict.INCORRECT, Verdict.PARTIALLY_CORRECT);
    assertThat(decide.explanation()).contains("flood");
    Grade byDefault = new TextGrader(GradingOptions.DEFAULT).grade(PART, Answer.of("1.b", answer));
    assertThat(byDefault.verdict()).isIn(Verdict.INCORRECT, Verdict.NEEDS_REVIEW);
  }

  /** About {@code chars} characters of words drawn from an everyday and technical vocabulary. */
  private static String randomWords(int chars, long seed) {
    String[] vocabulary = {
      "the", "model", "gradient", "zero", "train", "matrix", "of", "and", "weights", "is", "rank",
      "loss", "learning", "rate", "update", "never", "both", "data", "layer", "a", "to", "nothing",
      "bias", "step", "value", "ever", "so", "in", "network", "output", "input", "large", "small"
    };
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(chars + 16);
    while (sb.length() < chars) {
      sb.append(vocabulary[r.nextInt(vocabulary.length)]).append(' ');
    }
    return sb.toString().strip();
  }
}
