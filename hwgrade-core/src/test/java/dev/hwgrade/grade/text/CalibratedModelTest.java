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
  void shippedModelReadsAFewOfTheFeaturesThisBuildComputes() {
    CalibratedModel m = CalibratedModel.shipped();
    assertThat(FeatureExtractor.NAMES).containsAll(m.features());
    assertThat(m.features().size()).isLessThan(FeatureExtractor.NAMES.size());
    assertThat(m.decideAt()).isBetween(0.5, 1.0);
    int w = m.expanded() ? 2 * m.features().size() : m.features().size();
    assertThat(m.partlyWeights()).hasSize(w);
    assertThat(m.madeWeights()).hasSize(w);
    assertThat(m.wordOverlapThreshold()).isBetween(0.0, 1.0);
  }

  @Test
  void aModelOfTwoFeaturesReadsThemFromTheFullVector() {
    CalibratedModel m = twoFeatureModel(new double[] {0, 0}, new double[] {2, 0});
    double[] x = new double[FeatureExtractor.NAMES.size()];
    x[FeatureExtractor.NAMES.indexOf("lex_recall_new")] = 1.0;
    double high = m.predict(x).made();
    x[FeatureExtractor.NAMES.indexOf("lex_recall_new")] = 0.0;
    x[FeatureExtractor.NAMES.indexOf("sim_best_unit")] = 1.0; // weighed 0: no effect
    assertThat(high).isGreaterThan(m.predict(x).made());
    assertThat(m.predict(x).made()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void anExpandedModelWeighsALongReferenceApartFromAShortPoint() {
    CalibratedModel m = twoFeatureModel(new double[] {0, 0, 0, 0}, new double[] {1, 0, -3, 0});
    assertThat(m.expanded()).isTrue();
    double[] x = new double[FeatureExtractor.NAMES.size()];
    x[FeatureExtractor.NAMES.indexOf("lex_recall_new")] = 1.0;
    double shortPoint = m.predict(x).made();
    x[FeatureExtractor.NAMES.indexOf(FeatureExtractor.LONG_POINT)] = 1.0;
    assertThat(m.predict(x).made()).isLessThan(shortPoint);
  }

  @Test
  void aModelReadingAFeatureThisBuildLacksIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new CalibratedModel(
                    List.of("no_such_signal"),
                    new double[] {0},
                    new double[] {1},
                    new double[] {0},
                    new double[] {0},
                    0,
                    0,
                    0.5,
                    0.5,
                    0.9,
                    new CalibratedModel.Band(0.5, 0.5, 0.9, 1, 1),
                    new CalibratedModel.Band(0.5, 0.5, 0.9, 1, 1),
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no_such_signal");
  }

  private static CalibratedModel twoFeatureModel(double[] partly, double[] made) {
    CalibratedModel.Band b = new CalibratedModel.Band(0.5, 0.5, 0.9, 1, 1);
    return new CalibratedModel(
        List.of("lex_recall_new", "sim_best_unit"),
        new double[] {0, 0},
        new double[] {1, 1},
        partly,
        made,
        0,
        0,
        0.5,
        0.5,
        0.9,
        b,
        b,
        null);
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
    double[] x = new double[FeatureExtractor.NAMES.size()];
    for (int i = 0; i < m.features().size(); i++) {
      x[FeatureExtractor.NAMES.indexOf(m.features().get(i))] =
          m.mean()[i] + (i % 2 == 0 ? 1 : -1) * m.scale()[i];
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
    double[] x = new double[FeatureExtractor.NAMES.size()];
    for (int j = 0; j < m.features().size(); j++) {
      x[FeatureExtractor.NAMES.indexOf(m.features().get(j))] = m.mean()[j] + 0.5 * m.scale()[j];
    }
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

  @Test
  void aBandThatReadsPartialAnswersOffPiecesSurvivesWritingAndReading(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    CalibratedModel.Band pieces = new CalibratedModel.Band(0.5, 0.05, 1, 1, 1, true);
    CalibratedModel m = twoFeatureModel(new double[] {0, 0}, new double[] {1, 1});
    CalibratedModel withPieces = m.withBands(pieces, m.longReference());
    java.nio.file.Path f = dir.resolve("model.json");
    withPieces.write(f);
    CalibratedModel back =
        CalibratedModel.fromJson(
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile()));
    assertThat(back.shortReference()).isEqualTo(pieces);
    assertThat(back.longReference().partialByPieces()).isFalse();
  }

  @Test
  void aBandThatReadsPartialAnswersOffPiecesIgnoresItsIncorrectCut() {
    CalibratedModel.Band pieces = new CalibratedModel.Band(0.5, 0.05, 1, 1, 1, true);
    dev.hwgrade.model.KeyPoint point = dev.hwgrade.model.KeyPoint.of("A. B.", true);
    VerdictRule.Distribution notCorrect = new VerdictRule.Distribution(0.3, 0.1, 0.6);
    PointOutcome none =
        new PointOutcome(point, PointOutcome.Status.MISSED, 0.3, 0.4, 0, "x", "", false);
    PointOutcome onePiece =
        new PointOutcome(
            point,
            PointOutcome.Status.MISSED,
            0.3,
            0.4,
            0,
            "x",
            "",
            false,
            java.util.Optional.of(new PointOutcome.Piece("A.", "A indeed.", 1, 2)));
    PointOutcome contradicted =
        new PointOutcome(
            point,
            PointOutcome.Status.CONTRADICTED,
            0.1,
            0.1,
            0.8,
            "x",
            "",
            false,
            java.util.Optional.of(new PointOutcome.Piece("A.", "A indeed.", 1, 2)));
    assertThat(pieces.verdict(notCorrect, none)).isEqualTo(dev.hwgrade.model.Verdict.INCORRECT);
    assertThat(pieces.verdict(notCorrect, onePiece))
        .isEqualTo(dev.hwgrade.model.Verdict.PARTIALLY_CORRECT);
    assertThat(pieces.verdict(notCorrect, contradicted))
        .isEqualTo(dev.hwgrade.model.Verdict.INCORRECT);
    assertThat(pieces.verdict(new VerdictRule.Distribution(0.6, 0.1, 0.3), none))
        .isEqualTo(dev.hwgrade.model.Verdict.CORRECT);
    // a band of a model trained on three-way labels keeps its cut-offs
    CalibratedModel.Band cut = new CalibratedModel.Band(0.5, 0.05, 1, 1, 1);
    assertThat(cut.verdict(notCorrect, onePiece)).isEqualTo(dev.hwgrade.model.Verdict.INCORRECT);
  }
}
