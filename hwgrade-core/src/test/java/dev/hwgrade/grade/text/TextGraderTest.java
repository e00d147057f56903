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
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The grader's shape and modes with a bag-of-words stand-in for the embedding model, so these tests
 * run without loading it. {@link TextGraderCaseTest} uses the real model.
 */
class TextGraderTest {
  /** Hashes lower-cased words into a unit vector: similar wording, similar vectors. */
  static final SentenceEmbedder BAG_OF_WORDS =
      texts -> {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
          float[] v = new float[64];
          for (String w : texts.get(i).toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
            if (!w.isEmpty()) {
              v[Math.floorMod(w.hashCode(), 64)] += 1;
            }
          }
          double n = 0;
          for (float x : v) {
            n += x * x;
          }
          for (int j = 0; j < v.length; j++) {
            v[j] = n == 0 ? 0 : (float) (v[j] / Math.sqrt(n));
          }
          out[i] = v;
        }
        return out;
      };

  private static final Key LORA =
      Key.builder(Kind.TEXT)
          .answer("Both gradients are zero, so nothing trains.")
          .keyPoints(
              List.of(
                  new KeyPoint(
                      "the gradients of A and B are both zero",
                      true,
                      1,
                      List.of(),
                      List.of("the gradients are not zero")),
                  KeyPoint.of("so the adapter never trains", true)))
          .build();

  private static final List<String> RESPONSES =
      List.of(
          "The gradients of A and B are both zero, so the adapter never trains.",
          "The gradients of A and B are both zero.",
          "It works fine because the gradients are not zero.",
          "Use a larger learning rate and more epochs.",
          "Nothing happens.");

  private final TextGrader decider =
      new TextGrader(GradingOptions.DEFAULT.withDecide(true), BAG_OF_WORDS);
  private final TextGrader cautious = new TextGrader(GradingOptions.DEFAULT, BAG_OF_WORDS);

  private static Grade grade(TextGrader g, Key key, String response) {
    return g.grade(
        Part.adHoc("1.a", "Why does zero init of A and B fail?", key), Answer.of("1.a", response));
  }

  @Test
  void everyPointGetsAnEvidenceLine() {
    Grade g = grade(decider, LORA, RESPONSES.get(0));
    assertThat(g.evidence()).hasSize(2);
    assertThat(g.evidence().get(0)).startsWith("made: 'the gradients of A and B are both zero'");
    assertThat(g.evidence().get(0))
        .contains("\"The gradients of A and B are both zero, so the adapter never trains.\"");
    assertThat(g.grader()).isEqualTo("text");
  }

  @Test
  void aRejectPhraseContradictsThePointAndTheDiagnosisSaysSo() {
    Grade g = grade(decider, LORA, RESPONSES.get(2));
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.score()).isZero();
    assertThat(g.evidence().get(0)).startsWith("contradicted:");
    assertThat(g.diagnosis()).contains("contradicting 'the gradients of A and B are both zero'");
  }

  @Test
  void aLongAnswerWithNoSignOfAShortPointDoesNotMakeIt() {
    Key key = Key.builder(Kind.TEXT).answer("Increase the rank k of A and B.").build();
    Grade g =
        grade(
            decider,
            key,
            // words the stand-in embedder shares with the key would count as similarity
            "Many things matter when training large models. First, check data pipelines for bugs."
                + " Second, tune learning rates with warm-up. Third, use mixed precision to save"
                + " memory. Finally, keep best checkpoints.");
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.evidence().get(0))
        .startsWith("missed:")
        .contains("no word, symbol or sentence of the answer bears on it");
  }

  @Test
  void anAnswerWithoutAWordMakesNoPointEvenOfALongReference() {
    Key key =
        Key.builder(Kind.TEXT)
            .answer(
                "Binary encoding, as it is the most efficient in terms of bandwidth since you get a"
                    + " full bit per baud instead of only 0.5. Additionally, you do not have to deal"
                    + " with clock drift as all clocks are perfect, so self-clocking is not needed.")
            .build();
    Grade g = grade(decider, key, "∑∫√ ⊕⊗ $$ \\frac{}{}");
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.evidence().get(0))
        .contains("no word, symbol or sentence of the answer bears on it");
  }

  @Test
  void anAnswerThatOpensWithTheOppositeOfAYesOrNoKeyContradictsIt() {
    Key key =
        Key.builder(Kind.TEXT)
            .answer("No. Real traffic comes in bursts, so arrivals are not independent.")
            .build();
    Grade g =
        grade(decider, key, "Yes, real traffic comes in bursts but arrivals are independent.");
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.evidence().get(0))
        .startsWith("contradicted:")
        .contains("answers yes where the key says no");
  }

  @Test
  void defaultModeEitherAgreesWithDecideModeOrAsksForReview() {
    for (String r : RESPONSES) {
      Grade decided = grade(decider, LORA, r);
      Grade cautiousGrade = grade(cautious, LORA, r);
      if (cautiousGrade.verdict() == Verdict.NEEDS_REVIEW) {
        assertThat(cautiousGrade.confidence()).isLessThan(CalibratedModel.shipped().decideAt());
        assertThat(cautiousGrade.explanation()).startsWith("Unsure");
      } else {
        assertThat(cautiousGrade.verdict()).isEqualTo(decided.verdict());
        assertThat(cautiousGrade.confidence())
            .isGreaterThanOrEqualTo(CalibratedModel.shipped().decideAt());
      }
    }
  }

  @Test
  void decideModeGivesTheVerdictATeacherGives() {
    // both points; the first only; the first contradicted; off the topic; too vague to make either
    List<Verdict> teacher =
        List.of(
            Verdict.CORRECT,
            Verdict.PARTIALLY_CORRECT,
            Verdict.INCORRECT,
            Verdict.INCORRECT,
            Verdict.INCORRECT);
    for (int i = 0; i < RESPONSES.size(); i++) {
      Grade decided = grade(decider, LORA, RESPONSES.get(i));
      assertThat(decided.verdict())
          .as(RESPONSES.get(i) + " -> " + decided.explanation())
          .isEqualTo(teacher.get(i));
    }
  }

  @Test
  void aKeyWithoutPointsHasItsAnswerAsTheOnePointAndAlternativesAsPhrasings() {
    Key key =
        Key.builder(Kind.TEXT)
            .answer("increase the rank k")
            .alternatives(List.of("use a bigger rank"))
            .build();
    assertThat(TextGrader.pointsOf(key))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.required()).isTrue();
              assertThat(p.accept()).containsExactly("use a bigger rank");
            });
    Grade g = grade(decider, key, "I would use a bigger rank for the adapter.");
    assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
    assertThat(g.evidence()).singleElement().asString().contains("an accepted phrasing");
  }

  /**
   * The shipped model as a model trained on two-way labels only would decide a key of one point.
   */
  private static CalibratedModel twoWayOnly() {
    CalibratedModel m = CalibratedModel.shipped();
    return m.withBands(
        new CalibratedModel.Band(0.95, 0.05, 1, 1, 1, true),
        new CalibratedModel.Band(0.95, 0.05, 1, 1, 1, true));
  }

  private static final Key TCP =
      Key.builder(Kind.TEXT)
          .answer(
              "Sequence numbers let the receiver put arriving segments back in order. Cumulative"
                  + " acknowledgements tell the sender which segments arrived. A retransmission"
                  + " timer makes the sender resend every segment that was lost.")
          .build();

  @Test
  void aModelWithoutThreeWayLabelsGivesPartialCreditForAPieceOfTheReferenceMade() {
    TextGrader g =
        new TextGrader(GradingOptions.DEFAULT.withDecide(true), BAG_OF_WORDS, twoWayOnly());
    Grade piece =
        grade(g, TCP, "Sequence numbers let the receiver put arriving segments back in order.");
    assertThat(piece.verdict()).isEqualTo(Verdict.PARTIALLY_CORRECT);
    assertThat(piece.explanation()).contains("makes part of the key point").contains("1 of its");
    assertThat(piece.evidence())
        .anyMatch(e -> e.startsWith("piece made: 'Sequence numbers let the receiver"));
    assertThat(piece.score()).isBetween(0.2, 0.4);
    Grade nothing = grade(g, TCP, "Use a bigger buffer and a faster link.");
    assertThat(nothing.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(nothing.explanation()).contains("makes none of its pieces");
    // not given automatically: such a model cannot tell partial from incorrect by itself
    Grade cautious =
        new TextGrader(GradingOptions.DEFAULT, BAG_OF_WORDS, twoWayOnly())
            .grade(
                Part.adHoc("1.a", "Why does zero init of A and B fail?", TCP),
                Answer.of(
                    "1.a",
                    "Sequence numbers let the receiver put arriving segments back in order."));
    assertThat(cautious.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    // the shipped model, trained on three-way labels, keeps its cut-offs
    assertThat(grade(decider, TCP, "Use a bigger buffer and a faster link.").explanation())
        .doesNotContain("pieces");
  }

  @Test
  void aKeyWithNothingToMatchIsForAPerson() {
    Grade g = grade(decider, Key.builder(Kind.TEXT).build(), "anything");
    assertThat(g.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
  }

  @Test
  @org.junit.jupiter.api.Timeout(10)
  void aHugeOrPathologicalAnswerIsGradedInBoundedTime() {
    String huge = "not ".repeat(200_000) + "e.g. ".repeat(50_000) + "a, but b; ".repeat(50_000);
    Grade g = grade(decider, LORA, huge);
    assertThat(g.verdict())
        .isIn(Verdict.INCORRECT, Verdict.PARTIALLY_CORRECT, Verdict.NEEDS_REVIEW);
    assertThat(grade(decider, LORA, "$$\\frac{}{}_{^}$$ ... ;;; ,,,").explanation()).isNotBlank();
  }

  @Test
  void gradesTheSameFromManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Grade>> futures = new java.util.ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (String r : RESPONSES) {
          futures.add(pool.submit(() -> grade(decider, LORA, r)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        Grade expected = grade(decider, LORA, RESPONSES.get(i % RESPONSES.size()));
        assertThat(futures.get(i).get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
