package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-piece and yes/no signals, with the bag-of-words stand-in for the embedding model. */
class FeatureExtractorTest {
  private final FeatureExtractor fx = new FeatureExtractor(TextGraderTest.BAG_OF_WORDS);

  private double feature(PointFeatures f, String name) {
    return f.values()[FeatureExtractor.NAMES.indexOf(name)];
  }

  private PointFeatures extract(String question, String point, String answer) {
    return fx.extract(question, List.of(point), new AnswerText(answer)).get(0);
  }

  @Test
  void computesOneValuePerNamedFeature() {
    PointFeatures f = extract("Why?", "Because it is so.", "It is so.");
    assertThat(f.values()).hasSize(FeatureExtractor.NAMES.size());
    assertThat(FeatureExtractor.NAMES).endsWith(FeatureExtractor.LONG_POINT);
  }

  @Test
  void splitsAPointIntoItsSentencesAndTheClausesOfLongOnes() {
    List<FeatureExtractor.Segment> s =
        FeatureExtractor.segments(
            "Binary encoding is the most efficient. Clocks are perfect, so no clock recovery is"
                + " needed.");
    assertThat(s).extracting(FeatureExtractor.Segment::leaf).contains(true);
    assertThat(s.get(0).text()).startsWith("Binary encoding");
    assertThat(s.size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void countsThePiecesOfALongReferenceTheAnswerCovers() {
    String question = "Which encoding should the network use? Give two reasons.";
    String reference =
        "Binary encoding, because it uses the bandwidth best with one bit per baud. The clocks are"
            + " perfect, so self-clocking is not needed. It is also simple and cheap to build"
            + " into every station of the local network.";
    PointFeatures both =
        extract(
            question,
            reference,
            "Binary encoding: one bit per baud uses the bandwidth best, and with perfect clocks"
                + " self-clocking is not needed.");
    PointFeatures one =
        extract(question, reference, "Binary encoding, since it uses the bandwidth best.");
    assertThat(feature(both, FeatureExtractor.LONG_POINT)).isEqualTo(1.0);
    assertThat(feature(both, "seg_lex_mean")).isGreaterThan(feature(one, "seg_lex_mean"));
    assertThat(feature(both, "seg_sim_mean")).isGreaterThan(feature(one, "seg_sim_mean"));
    PointFeatures otherChoice =
        extract(question, reference, "Manchester encoding, since it recovers the clock.");
    assertThat(feature(one, "lead_lex")).isGreaterThan(feature(otherChoice, "lead_lex"));
  }

  @Test
  void marksAnAnswerThatOpensWithTheOppositeYesOrNo() {
    String q = "Does the independence assumption hold for real Internet traffic?";
    String key = "No. Traffic comes in bursts, so arrivals are not independent.";
    PointFeatures opposite = extract(q, key, "Yes, arrivals are independent.");
    PointFeatures same = extract(q, key, "No, because traffic is bursty.");
    assertThat(feature(opposite, "polarity_mismatch")).isEqualTo(1.0);
    assertThat(feature(opposite, "polarity_match")).isZero();
    assertThat(feature(same, "polarity_match")).isEqualTo(1.0);
    assertThat(feature(extract(q, "Traffic is bursty.", "Yes."), "polarity_mismatch")).isZero();
  }
}
