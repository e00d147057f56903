package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwgrade.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibratedModelTest {
  @Test
  void shippedModelMatchesTheFeaturesThisBuildComputes() {
    CalibratedModel m = CalibratedModel.shipped();
    assertThat(m.features()).isEqualTo(FeatureExtractor.NAMES);
    assertThat(m.decideAt()).isBetween(0.5, 1.0);
    assertThat(m.partlyWeights()).hasSize(2 * FeatureExtractor.NAMES.size());
    assertThat(m.madeWeights()).hasSize(2 * FeatureExtractor.NAMES.size());
  }

  @Test
  void weighsALongReferenceApartFromAShortPoint() {
    CalibratedModel m = CalibratedModel.shipped();
    int at = FeatureExtractor.NAMES.indexOf(FeatureExtractor.LONG_POINT);
    double[] x = m.mean().clone();
    x[at] = 0;
    CalibratedModel.PointProbability shortPoint = m.predict(x);
    x[at] = 1;
    CalibratedModel.PointProbability longPoint = m.predict(x);
    assertThat(longPoint.made())
        .isNotCloseTo(shortPoint.made(), org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void probabilitiesOfTheThreeOutcomesSumToOne() {
    double[] z = {0.5, -1.0, 2.0};
    double[] p =
        CalibratedModel.probabilities(
            z, new double[] {1, 0, -1}, new double[] {0, 2, 1}, 0.3, -0.2);
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    // logits 0, 0.3 + 0.5 + 0 - 2 = -1.2, -0.2 + 0 - 2 + 2 = -0.2
    double e1 = Math.exp(-1.2);
    double e2 = Math.exp(-0.2);
    assertThat(p[1]).isCloseTo(e1 / (1 + e1 + e2), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void partlyMadeIsNeverLessLikelyThanMade() {
    CalibratedModel m = CalibratedModel.shipped();
    double[] x = new double[m.features().size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = m.mean()[i] + (i % 2 == 0 ? 1 : -1) * m.scale()[i];
    }
    CalibratedModel.PointProbability p = m.predict(x);
    assertThat(p.partly()).isGreaterThanOrEqualTo(p.made());
    assertThat(p.made()).isBetween(0.0, 1.0);
  }

  @Test
  void writesAndReadsBackTheSameModel(@TempDir Path dir) throws Exception {
    CalibratedModel m = CalibratedModel.shipped();
    Path file = dir.resolve("model.json");
    m.write(file);
    CalibratedModel back =
        CalibratedModel.fromJson(
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(file)));
    double[] x = m.mean().clone();
    assertThat(back.predict(x).made())
        .isCloseTo(m.predict(x).made(), org.assertj.core.api.Assertions.within(1e-5));
    assertThat(back.decideAt()).isEqualTo(m.decideAt());
    assertThat(back.shortReference()).isEqualTo(m.shortReference());
    assertThat(back.longReference()).isEqualTo(m.longReference());
  }

  @Test
  void aModelWithoutBandsUsesItsCutOffsAndOneBandForEveryVerdict() throws Exception {
    ObjectNode j = (ObjectNode) new ObjectMapper().readTree(modelJson(CalibratedModel.shipped()));
    j.remove("shortReference");
    j.remove("longReference");
    CalibratedModel old = CalibratedModel.fromJson(j);
    CalibratedModel.Band b = old.bandFor("one short point");
    assertThat(b.correctCut()).isEqualTo(old.correctCut());
    for (Verdict v : List.of(Verdict.CORRECT, Verdict.PARTIALLY_CORRECT, Verdict.INCORRECT)) {
      assertThat(b.decideAt(v)).isEqualTo(old.decideAt());
    }
  }

  @Test
  void aLongRubricLikeReferenceHasItsOwnBand() {
    String shortPoint = "the gradients of A and B are both zero";
    String longPoint = (shortPoint + ". ").repeat(5);
    assertThat(CalibratedModel.isLongReference(shortPoint)).isFalse();
    assertThat(CalibratedModel.isLongReference(longPoint)).isTrue();
    CalibratedModel m = CalibratedModel.shipped();
    assertThat(m.bandFor(shortPoint)).isSameAs(m.shortReference());
    assertThat(m.bandFor(longPoint)).isSameAs(m.longReference());
  }

  @Test
  void eachVerdictHasItsOwnBand() {
    CalibratedModel.Band b = new CalibratedModel.Band(0.5, 0.4, 0.8, 0.7, 1.0);
    assertThat(b.decideAt(Verdict.CORRECT)).isEqualTo(0.8);
    assertThat(b.decideAt(Verdict.PARTIALLY_CORRECT)).isEqualTo(0.7);
    assertThat(b.decideAt(Verdict.INCORRECT)).isEqualTo(1.0);
    assertThat(b.verdict(new VerdictRule.Distribution(0.55, 0.3, 0.15))).isEqualTo(Verdict.CORRECT);
    assertThat(b.verdict(new VerdictRule.Distribution(0.2, 0.3, 0.5))).isEqualTo(Verdict.INCORRECT);
    assertThat(b.verdict(new VerdictRule.Distribution(0.3, 0.4, 0.3)))
        .isEqualTo(Verdict.PARTIALLY_CORRECT);
  }

  private static String modelJson(CalibratedModel m) throws Exception {
    Path f = Files.createTempFile("model", ".json");
    try {
      m.write(f);
      return Files.readString(f);
    } finally {
      Files.delete(f);
    }
  }
}
