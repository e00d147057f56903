package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Batched inference gives every text the vector the encoder gives it alone: embedding caches kept
 * on disk and the shipped model were made with the encoder's vectors. The model loads in about a
 * second; the time limit catches a load that waits on itself.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MiniLmBatchesTest {
  private static final String LONG_SENTENCE =
      "The induced emf opposes the change in magnetic flux through the loop, so the current flows"
          + " counter-clockwise when viewed from above while the magnet approaches, and clockwise"
          + " after it has passed through the coil and moves away from it again";

  /** Short, long, unicode, odd, repeated and over-the-window texts. */
  private static List<String> texts() {
    List<String> t = new ArrayList<>();
    t.addAll(
        List.of(
            "-",
            "a",
            "ok",
            "Yes.",
            "No",
            "42",
            "The gradients of A and B are both zero.",
            "THE ANSWER IS 42 M/S",
            "the answer is 42 m/s",
            "Binary encoding, because it uses the bandwidth best.",
            "Die Geschwindigkeit beträgt 5 m/s, über den ganzen Weg.",
            "café, naïve, résumé: ÀÉÎÕÜ ñ ç ß",
            "温度は摂氏25度です。",
            "π ≈ 3.14159 and ∇·E = ρ/ε₀",
            "👍 correct 🚀🚀",
            "$\\frac{1}{2} m v^2 = mgh$ so $v = \\sqrt{2gh}$",
            "x̄ = 3.2, p̂ = 0.41, σ² = 1.7e-3",
            "[CLS] a literal [SEP] inside [MASK] the text [UNK]",
            "  spaced   out\twith\ttabs\nand a newline  ",
            "unaffable antidisestablishmentarianism hyperparameterisation",
            "Δp = F·Δt — the impulse equals the change of momentum…",
            "It is not correct; the current decreases.",
            LONG_SENTENCE,
            LONG_SENTENCE + ". " + LONG_SENTENCE + ". " + LONG_SENTENCE,
            "The gradients of A and B are both zero.",
            "-"));
    // Over the tokenizer's 128 word pieces (it cuts them), and the encoder's window of 510.
    t.add("velocity ".repeat(505).strip());
    t.add("velocity ".repeat(510).strip());
    t.add("velocity ".repeat(511).strip());
    t.add("電磁誘導".repeat(200));
    t.add("1, 2, 3, ".repeat(150).strip());
    t.add((LONG_SENTENCE + ". ").repeat(20).strip());
    return t;
  }

  @Test
  void batchedVectorsAreTheEncodersToFloatNoise() {
    MiniLmEmbedder.Model model = MiniLmEmbedder.Model.INSTANCE;
    List<String> texts = texts();
    float[][] batched = model.batched.embed(texts);
    float[][] alone = MiniLmEmbedder.vectors(model.oneByOne(), texts);
    assertThat(batched.length).isEqualTo(alone.length);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(batched[i]).as(texts.get(i)).hasSize(384);
      assertThat(SentenceEmbedder.cosine(batched[i], alone[i]))
          .as("cosine, batched against alone, of %s", texts.get(i))
          .isGreaterThanOrEqualTo(0.99999);
    }
  }

  @Test
  void theEmbedderGivesTheSameVectorsInAnyCompany() {
    // A text's vector does not depend on the texts batched with it (other lengths, other padding).
    List<String> texts = texts();
    MiniLmEmbedder.Model model = MiniLmEmbedder.Model.INSTANCE;
    float[][] all = model.batched.embed(texts);
    for (int i = 0; i < texts.size(); i += 5) {
      float[] one = model.batched.embed(List.of(texts.get(i)))[0];
      assertThat(SentenceEmbedder.cosine(one, all[i]))
          .as("cosine, alone against in a batch, of %s", texts.get(i))
          .isGreaterThanOrEqualTo(0.99999);
    }
  }

  @Test
  void blankTextsReadAsADash() {
    float[][] v = MiniLmEmbedder.shared().embed(List.of("", "   ", "-"));
    assertThat(v[0]).isEqualTo(v[2]);
    assertThat(v[1]).isEqualTo(v[2]);
  }
}
