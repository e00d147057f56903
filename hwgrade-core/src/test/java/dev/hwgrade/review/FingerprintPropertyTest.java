package dev.hwgrade.review;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/** Re-spacing a text keeps its fingerprint; changing a word does not. */
class FingerprintPropertyTest {
  @Property(tries = 300)
  void whiteSpaceDoesNotCount(
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String a,
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String b) {
    assertThat(Fingerprint.of("  " + a + "\n\t " + b + " \n"))
        .isEqualTo(Fingerprint.of(a + " " + b));
    assertThat(Fingerprint.of(a + " " + b)).hasSize(Fingerprint.LENGTH).matches("[0-9a-f]+");
  }

  @Property(tries = 300)
  void aChangedWordChangesIt(
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String a,
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String b) {
    assertThat(Fingerprint.of(a + " " + b)).isNotEqualTo(Fingerprint.of(a + " x" + b));
  }
}
