package dev.hwgrade.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The readers of untrusted text, fed notation fragments mixed with random text: each input gives a
 * well-formed result within {@link FuzzTarget#LIMIT}. A few tries per build; {@code bench/fuzz.sh}
 * runs the same generators for minutes.
 */
class FuzzProperties {
  @Property(tries = 40)
  void expressionReaderGivesAResult(@ForAll("expression") String s) {
    FuzzTarget.EXPRESSION.check(s);
  }

  @Property(tries = 60)
  void quantityReaderGivesAResult(@ForAll("quantity") String s) {
    FuzzTarget.QUANTITY.check(s);
  }

  @Property(tries = 100)
  void transcriptReaderGivesAResult(@ForAll("transcript") String s) {
    FuzzTarget.TRANSCRIPT.check(s);
  }

  @Property(tries = 40)
  void yamlReaderGivesAResult(@ForAll("yaml") String s) {
    FuzzTarget.YAML.check(s);
  }

  @Provide
  Arbitrary<String> expression() {
    return FuzzInputs.of(FuzzTarget.EXPRESSION);
  }

  @Provide
  Arbitrary<String> quantity() {
    return FuzzInputs.of(FuzzTarget.QUANTITY);
  }

  @Provide
  Arbitrary<String> transcript() {
    return FuzzInputs.of(FuzzTarget.TRANSCRIPT);
  }

  @Provide
  Arbitrary<String> yaml() {
    return FuzzInputs.of(FuzzTarget.YAML);
  }
}
