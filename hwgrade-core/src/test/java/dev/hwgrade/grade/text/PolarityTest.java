package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolarityTest {
  @Test
  void readsABareYesOrNoAtTheStartOfAKey() {
    assertThat(Polarity.ofKey("No. Real traffic comes in bursts.")).isEqualTo(-1);
    assertThat(Polarity.ofKey("Yes, using the current load can lead to oscillations."))
        .isEqualTo(1);
    assertThat(Polarity.ofKey("True")).isEqualTo(1);
    assertThat(Polarity.ofKey("No gradient reaches A or B.")).isZero();
    assertThat(Polarity.ofKey("Not every answer is yes or no.")).isZero();
    assertThat(Polarity.ofKey("Binary encoding, as it is efficient.")).isZero();
  }

  @Test
  void readsTheOpeningWordOfAnAnswer() {
    assertThat(Polarity.ofAnswer("Yes the assumption holds.")).isEqualTo(1);
    assertThat(Polarity.ofAnswer("  no, because traffic is bursty")).isEqualTo(-1);
    assertThat(Polarity.ofAnswer("The assumption does not hold.")).isZero();
    assertThat(Polarity.ofAnswer("Nothing trains.")).isZero();
    assertThat(Polarity.ofAnswer(null)).isZero();
  }

  @Test
  void anOppositeOpeningWordContradictsOnlyAYesOrNoKey() {
    assertThat(Polarity.contradicts("No. Bursts.", "Yes, they are independent.")).isTrue();
    assertThat(Polarity.contradicts("Yes, it can oscillate.", "No, it is stable.")).isTrue();
    assertThat(Polarity.contradicts("No. Bursts.", "No, traffic is bursty.")).isFalse();
    assertThat(Polarity.contradicts("No gradient reaches A.", "Yes: no gradient reaches A."))
        .isFalse();
    assertThat(Polarity.contradicts("No. Bursts.", "Traffic is bursty.")).isFalse();
  }
}
