package dev.hwgrade.grade.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.grade.GradingOptions;
import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A miss by a unit-conversion factor is named as that conversion, not as a weaker coincidence. */
class UnitConversionDiagnosisTest {
  private final NumericGrader grader = new NumericGrader(GradingOptions.DEFAULT);

  @ParameterizedTest(name = "{1} for {0}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // key | response | question | words the diagnosis must hold
        "200 J | KE = 0.5*1*72^2 = 2592 J | A 1 kg cart moves at 72 km/h. Find its kinetic energy."
            + " | 3.6² = 12.96",
        "20 m/s | 72 m/s | Convert 72 km/h to m/s. | km/h and m/s",
        "298.15 K | 25 K | Water at 25 °C: give its temperature in kelvin. | 273.15",
        "25 °C | 298 °C | Give 298 K in degrees Celsius. | 273.15",
        "2 kg | 2000 kg | What is the mass? | g against kg",
        "0.005 A | 5 A | The current through the LED is 5 mA; what is it in amperes? | mA against A",
        "25.4 cm | 10 cm | How long is a 10 inch ruler in cm? | inches and centimetres",
        "4.536 kg | 10 kg | Convert 10 lb to kg. | pounds and kilograms",
        "77 °F | 45 °F | Convert 25 °C to °F. | without adding the 32",
        "77 °F | 25 °F | Give 25 °C in °F. | ×1.8 + 32",
      })
  void namesTheConversion(String key, String response, String question, String words) {
    Part part = Part.adHoc("t", question, Key.builder(Kind.NUMERIC).answer(key).build());
    Grade g = grader.grade(part, Answer.of("t", response));
    assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
    assertThat(g.diagnosis()).contains(words).doesNotContain("months and years");
  }
}
