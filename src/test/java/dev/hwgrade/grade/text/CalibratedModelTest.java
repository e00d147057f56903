package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibratedModelTest {
  @Test
  void shippedModelMatchesTheFeaturesThisBuildComputes() {
    CalibratedModel m = CalibratedModel.shipped();
    assertThat(m.features()).isEqualTo(FeatureExtractor.NAMES);
    assertThat(m.decideAt()).isBetween(0.5, 1.0);
    assertThat(m.partlyBias()).isGreaterThanOrEqualTo(m.madeBias());
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
  }
}
