package dev.hwgrade.grade.text;

import java.util.List;

/** Turns texts into unit-length vectors whose dot product is their cosine similarity. */
public interface SentenceEmbedder {
  /** One unit vector per text, in order; one call embeds the whole batch. */
  float[][] embed(List<String> texts);

  /** The cosine similarity of two unit vectors. */
  static double cosine(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
