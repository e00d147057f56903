package dev.hwgrade.grade.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedEmbedderTest {
  /** A fake embedder that records what it was asked to embed. */
  private static final class Counting implements SentenceEmbedder {
    final List<String> asked = new ArrayList<>();

    @Override
    public float[][] embed(List<String> texts) {
      asked.addAll(texts);
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = new float[] {texts.get(i).length(), 1f};
      }
      return out;
    }
  }

  @Test
  void embedsEachTextOnceAndKeepsThemInAFile(@TempDir Path dir) throws Exception {
    Counting inner = new Counting();
    CachedEmbedder e = new CachedEmbedder(inner);
    float[][] first = e.embed(List.of("ab", "abc", "ab"));
    float[][] again = e.embed(List.of("abc", "abcd"));
    assertThat(inner.asked).containsExactly("ab", "abc", "abcd");
    assertThat(first[0]).isEqualTo(first[2]).containsExactly(2f, 1f);
    assertThat(again[0]).isEqualTo(first[1]);
    Path file = dir.resolve("emb.bin");
    e.save(file);

    Counting fresh = new Counting();
    CachedEmbedder back = new CachedEmbedder(fresh);
    back.load(file);
    assertThat(back.size()).isEqualTo(3);
    assertThat(back.embed(List.of("abcd", "ab"))[0]).containsExactly(4f, 1f);
    assertThat(fresh.asked).isEmpty();
  }

  @Test
  void aMissingFileLoadsNothing(@TempDir Path dir) throws Exception {
    CachedEmbedder e = new CachedEmbedder(new Counting());
    e.load(dir.resolve("absent.bin"));
    assertThat(e.size()).isZero();
  }
}
