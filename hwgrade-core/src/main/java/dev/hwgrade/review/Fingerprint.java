package dev.hwgrade.review;

import dev.hwgrade.grade.PartResult;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.KeyPoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Short fingerprints of an answer and of a key, so a review can tell whether what it judged has
 * changed since. Text is normalised first (Unicode NFC, runs of white space as one space, trimmed),
 * so re-indenting a file does not make its reviews stale.
 */
public final class Fingerprint {
  /** Hex digits kept of the SHA-256: 48 bits, ample to tell versions of one part apart. */
  static final int LENGTH = 12;

  private Fingerprint() {}

  /** The fingerprint of a text after normalisation. */
  public static String of(String text) {
    return exact(
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
            .replaceAll("\\s+", " ")
            .strip());
  }

  /** The fingerprint of a text as it is, every character counted. */
  public static String exact(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** The fingerprint of the model's answer to a part: its final answer and its reasoning. */
  public static String answer(PartResult r) {
    if (r.answer() == null) {
      return of("");
    }
    return of(
        "final: "
            + (r.answer().finalAnswer() == null ? "" : r.answer().finalAnswer())
            + "\nreasoning: "
            + r.answer().reasoning());
  }

  /**
   * The fingerprint of a part's key: everything that decides a verdict (not the key's reasoning,
   * which only the report quotes).
   */
  public static String key(Key k) {
    StringBuilder sb = new StringBuilder();
    sb.append(k.kind().id()).append('\n').append(k.answer()).append('\n');
    sb.append(k.alternatives()).append('\n');
    for (KeyPoint p : k.keyPoints()) {
      sb.append(p.text())
          .append('|')
          .append(p.required())
          .append('|')
          .append(p.weight())
          .append('|')
          .append(p.accept())
          .append('|')
          .append(p.reject())
          .append('\n');
    }
    sb.append(k.tolerance()).append('|').append(k.partialWithin()).append('|');
    sb.append(k.sigfigs()).append('|').append(k.unit()).append('|');
    sb.append(k.matrices()).append('|').append(k.options()).append('|').append(k.ordered());
    return of(sb.toString());
  }
}
