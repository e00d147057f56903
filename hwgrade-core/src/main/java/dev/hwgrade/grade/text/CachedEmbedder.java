package dev.hwgrade.grade.text;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedder that remembers every text it has embedded, without bound, and can keep what it
 * remembers in a file between runs. For measuring and training on thousands of labelled answers,
 * where the same answers are embedded once per fold and once per command: the grader itself uses
 * the bounded cache of {@link MiniLmEmbedder}. Thread-safe.
 */
public final class CachedEmbedder implements SentenceEmbedder {
  private static final int MAGIC = 0x68776531; // "hwe1"

  private final SentenceEmbedder inner;
  private final Map<String, float[]> seen = new HashMap<>();
  private int added;

  public CachedEmbedder(SentenceEmbedder inner) {
    this.inner = inner;
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<String> missing = new ArrayList<>();
    synchronized (seen) {
      for (int i = 0; i < out.length; i++) {
        out[i] = seen.get(texts.get(i));
        if (out[i] == null && !missing.contains(texts.get(i))) {
          missing.add(texts.get(i));
        }
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    float[][] fresh = inner.embed(missing);
    synchronized (seen) {
      for (int j = 0; j < fresh.length; j++) {
        if (seen.put(missing.get(j), fresh[j]) == null) {
          added++;
        }
      }
      for (int i = 0; i < out.length; i++) {
        if (out[i] == null) {
          out[i] = seen.get(texts.get(i));
        }
      }
    }
    return out;
  }

  /** How many texts it holds. */
  public int size() {
    synchronized (seen) {
      return seen.size();
    }
  }

  /**
   * Adds the embeddings kept in a file by {@link #save}; a missing file adds nothing.
   *
   * @throws IOException if the file exists but cannot be read as such a file
   */
  public void load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + " is not an embedding cache");
      }
      synchronized (seen) {
        while (true) {
          String text;
          try {
            text = in.readUTF();
          } catch (EOFException end) {
            break;
          }
          float[] v = new float[in.readInt()];
          for (int j = 0; j < v.length; j++) {
            v[j] = in.readFloat();
          }
          seen.put(text, v);
        }
      }
    }
  }

  /** Writes every embedding held to the file, if any was added since it was loaded. */
  public void save(Path file) throws IOException {
    synchronized (seen) {
      if (added == 0 && Files.isRegularFile(file)) {
        return;
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        out.writeInt(MAGIC);
        for (Map.Entry<String, float[]> e : seen.entrySet()) {
          if (e.getKey().length() > 20_000) {
            continue; // writeUTF holds at most 65,535 bytes
          }
          out.writeUTF(e.getKey());
          out.writeInt(e.getValue().length);
          for (float x : e.getValue()) {
            out.writeFloat(x);
          }
        }
      }
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      added = 0;
    }
  }
}
