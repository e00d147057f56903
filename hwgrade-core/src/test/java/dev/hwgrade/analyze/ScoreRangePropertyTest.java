package dev.hwgrade.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The range of the final score: whatever a person settles the parts awaiting review as, the final
 * score falls in it; with nothing awaiting review it is the score itself.
 */
class ScoreRangePropertyTest {
  /** One part: its weight, its verdict and, for decided parts, its score. */
  record Item(double weight, Verdict verdict, double score, double settledScore) {}

  @Provide
  Arbitrary<List<Item>> parts() {
    Arbitrary<Item> item =
        Combinators.combine(
                Arbitraries.doubles().between(0.25, 5).ofScale(2),
                Arbitraries.of(Verdict.class),
                Arbitraries.doubles().between(0.01, 0.99).ofScale(2),
                Arbitraries.doubles().between(0, 1).ofScale(3))
            .as(Item::new);
    return item.list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 300)
  void theRangeHoldsEverySettlement(@ForAll("parts") List<Item> items) {
    Tally t = Tally.of(results(items, false));
    double lo = t.lowerBound();
    double hi = t.upperBound();
    assertThat(lo).isBetween(0.0, 1.0);
    assertThat(hi).isBetween(0.0, 1.0);
    assertThat(lo).isLessThanOrEqualTo(hi);
    if (t.decided() > 0) {
      assertThat(t.score()).isBetween(0.0, 1.0);
    }
    // Settle every part awaiting review with some score: the final score lies in the range.
    Tally settled = Tally.of(results(items, true));
    assertThat(settled.awaiting()).isZero();
    assertThat(settled.score()).isBetween(lo - 1e-9, hi + 1e-9);
  }

  @Property(tries = 200)
  void withNothingAwaitingTheRangeIsTheScore(@ForAll("parts") List<Item> items) {
    Tally t = Tally.of(results(items, true));
    assertThat(t.awaiting()).isZero();
    assertThat(t.lowerBound()).isEqualTo(t.score());
    assertThat(t.upperBound()).isEqualTo(t.score());
  }

  @Property(tries = 200)
  void theExtremesAreReached(@ForAll("parts") List<Item> items) {
    Tally t = Tally.of(results(items, false));
    List<Item> allWrong = new ArrayList<>();
    List<Item> allRight = new ArrayList<>();
    for (Item i : items) {
      allWrong.add(
          i.verdict() == Verdict.NEEDS_REVIEW ? new Item(i.weight(), i.verdict(), 0, 0) : i);
      allRight.add(
          i.verdict() == Verdict.NEEDS_REVIEW ? new Item(i.weight(), i.verdict(), 0, 1) : i);
    }
    assertThat(Tally.of(results(allWrong, true)).score()).isCloseTo(t.lowerBound(), within(1e-9));
    assertThat(Tally.of(results(allRight, true)).score()).isCloseTo(t.upperBound(), within(1e-9));
  }

  private static List<PartResult> results(List<Item> items, boolean settle) {
    List<PartResult> out = new ArrayList<>();
    int n = 0;
    for (Item i : items) {
      Part p =
          new Part("1." + n++, "1", null, "", null, i.weight(), Key.of(Kind.BOOLEAN, "true"), null);
      Verdict v = i.verdict();
      double s =
          switch (v) {
            case CORRECT -> 1;
            case PARTIALLY_CORRECT -> i.score();
            case INCORRECT, UNANSWERED -> 0;
            case NEEDS_REVIEW -> 0;
          };
      if (v == Verdict.NEEDS_REVIEW && settle) {
        v = Verdict.PARTIALLY_CORRECT;
        s = i.settledScore();
      }
      out.add(new PartResult(p, Answer.of(p.id(), "x"), Grade.of(v, s, 1, "x", "why", "test")));
    }
    return out;
  }
}
