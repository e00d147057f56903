package dev.hwgrade.grade.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the sentence-embedding model on many texts at once: the texts sorted by length, cut into
 * batches, each batch padded to its longest text and run through the session in one call, the
 * batches spread over the cores. A text gets the vector langchain4j's {@code OnnxBertBiEncoder}
 * gives it one at a time (to float noise): the same tokenizer calls, the mean of the last hidden
 * state over the text's own tokens, scaled to unit length. Texts longer than the model's window,
 * which the encoder cuts into partitions and averages, and texts with no tokens at all, go to the
 * encoder one by one. (The bundled tokenizer cuts a text at 128 word pieces, so in practice every
 * text with a token is batched.)
 */
final class MiniLmBatches {
  /** The encoder's partition: the model's 512 positions less the two special tokens. */
  static final int WINDOW = 510;

  /**
   * The most padding a batch may carry, as a share of its texts' own tokens. A padded position
   * costs as much as a real one, and one call's texts (an answer's few sentences) differ in length:
   * batched regardless, they cost more than one by one.
   */
  static final double PADDING = 0.15;

  private final OrtEnvironment env;
  private final OrtSession session;
  private final boolean typeIds;
  private final String hiddenState;
  private final HuggingFaceTokenizer tokenizer;
  private final Function<List<String>, float[][]> oneByOne;
  private final Executor pool;
  private final int cores;
  private final int maxTexts;
  private final int maxTokens;

  /**
   * @param tokenizer built as the encoder builds its own (the same file, padding off)
   * @param oneByOne the encoder's path, for the texts this class leaves to it
   * @param pool where the batches run, as many at once as it has threads ({@code cores})
   * @param maxTexts the most texts in one batch
   * @param maxTokens the most padded tokens in one batch (texts × the longest's length)
   */
  MiniLmBatches(
      OrtEnvironment env,
      OrtSession session,
      HuggingFaceTokenizer tokenizer,
      Function<List<String>, float[][]> oneByOne,
      Executor pool,
      int cores,
      int maxTexts,
      int maxTokens) {
    this.env = env;
    this.session = session;
    this.typeIds = session.getInputNames().contains("token_type_ids");
    // The encoder pools the session's first output, the last hidden state.
    this.hiddenState = session.getOutputNames().iterator().next();
    this.tokenizer = tokenizer;
    this.oneByOne = oneByOne;
    this.pool = pool;
    this.cores = Math.max(1, cores);
    this.maxTexts = Math.max(1, maxTexts);
    this.maxTokens = Math.max(WINDOW + 2, maxTokens);
  }

  /** Makes the tokenizer as the encoder makes its own: the same file, padding off. */
  static Supplier<HuggingFaceTokenizer> tokenizer(byte[] json) {
    return () -> {
      try {
        return HuggingFaceTokenizer.newInstance(
            new ByteArrayInputStream(json), Map.of("padding", "false"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** A text as the model reads it: its token ids, with the special tokens. */
  private record Tokens(int index, long[] ids, long[] types) {}

  /** The vectors of {@code texts}, in order, each of unit length. */
  float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<Tokens> batchable = new ArrayList<>();
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Tokens t = tokenize(i, texts.get(i));
      if (t == null) {
        rest.add(i);
      } else {
        batchable.add(t);
      }
    }
    if (!rest.isEmpty()) {
      List<String> left = new ArrayList<>(rest.size());
      rest.forEach(i -> left.add(texts.get(i)));
      float[][] v = oneByOne.apply(left);
      for (int k = 0; k < rest.size(); k++) {
        out[rest.get(k)] = v[k];
      }
    }
    batchable.sort(Comparator.comparingInt(t -> t.ids().length));
    List<List<Tokens>> batches = batches(batchable);
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (List<Tokens> batch : batches) {
      running.add(CompletableFuture.runAsync(() -> run(batch, out), pool));
    }
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    return out;
  }

  /**
   * The ids the encoder would run for {@code text}, or null when it would not run them in one
   * piece: no tokens, or more than {@link #WINDOW}. The calls are the encoder's own: it tokenises
   * the text, rebuilds a sentence from the word pieces between the special tokens, and encodes that
   * sentence (or the pieces joined by spaces when the sentence tokenises differently).
   */
  private Tokens tokenize(int index, String text) {
    List<String> tokens = tokenizer.tokenize(text);
    if (tokens.size() <= 2 || tokens.size() - 2 > WINDOW) {
      return null;
    }
    List<String> pieces = tokens.subList(1, tokens.size() - 1);
    String sentence = tokenizer.buildSentence(pieces);
    List<String> again = new LinkedList<>(tokenizer.tokenize(sentence));
    again.remove(0);
    again.remove(again.size() - 1);
    String read = again.equals(pieces) ? sentence : String.join(" ", pieces);
    Encoding e = tokenizer.encode(read, true, false);
    return new Tokens(index, e.getIds(), e.getTypeIds());
  }

  /**
   * Consecutive runs of the sorted texts: at most {@link #maxTexts} texts, {@link #maxTokens}
   * padded tokens and {@link #PADDING} padding each, and at least one per core when there are as
   * many texts, so that one call's texts keep every core busy.
   */
  private List<List<Tokens>> batches(List<Tokens> sorted) {
    int n = sorted.size();
    int perBatch = Math.min(maxTexts, Math.max(1, (n + cores - 1) / cores));
    List<List<Tokens>> out = new ArrayList<>();
    List<Tokens> current = new ArrayList<>();
    long real = 0;
    for (Tokens t : sorted) {
      long padded = (long) (current.size() + 1) * t.ids().length;
      boolean full =
          current.size() >= perBatch
              || padded > maxTokens
              || padded > (1 + PADDING) * (real + t.ids().length);
      if (full && !current.isEmpty()) {
        out.add(current);
        current = new ArrayList<>();
        real = 0;
      }
      current.add(t);
      real += t.ids().length;
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** One session call for {@code batch}, padded to its longest; the vectors go to {@code out}. */
  private void run(List<Tokens> batch, float[][] out) {
    int b = batch.size();
    int len = batch.get(b - 1).ids().length;
    long[] ids = new long[b * len];
    long[] mask = new long[b * len];
    long[] types = new long[b * len];
    for (int r = 0; r < b; r++) {
      Tokens t = batch.get(r);
      System.arraycopy(t.ids(), 0, ids, r * len, t.ids().length);
      System.arraycopy(t.types(), 0, types, r * len, t.types().length);
      java.util.Arrays.fill(mask, r * len, r * len + t.ids().length, 1L);
    }
    long[] shape = {b, len};
    try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", idTensor);
      inputs.put("attention_mask", maskTensor);
      if (typeIds) {
        inputs.put("token_type_ids", typeTensor);
      }
      try (OrtSession.Result result = session.run(inputs, Set.of(hiddenState))) {
        OnnxTensor hidden = (OnnxTensor) result.get(0);
        int width = (int) hidden.getInfo().getShape()[2];
        FloatBuffer h = hidden.getFloatBuffer();
        for (int r = 0; r < b; r++) {
          Tokens t = batch.get(r);
          out[t.index()] = normalize(meanPool(h, r * len, t.ids().length, width));
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed on a batch of " + b, e);
    }
  }

  /** The encoder's mean pooling, in its order of float operations, over a text's own tokens. */
  private static float[] meanPool(FloatBuffer h, int firstRow, int rows, int width) {
    float[] sum = new float[width];
    for (int t = 0; t < rows; t++) {
      int base = (firstRow + t) * width;
      for (int j = 0; j < width; j++) {
        sum[j] += h.get(base + j);
      }
    }
    for (int j = 0; j < width; j++) {
      sum[j] = sum[j] / rows;
    }
    return sum;
  }

  /** The encoder's scaling to unit length, in float as it does it. */
  private static float[] normalize(float[] v) {
    float s = 0;
    for (float x : v) {
      s += x * x;
    }
    float norm = (float) Math.sqrt(s);
    float[] u = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = v[i] / norm;
    }
    return u;
  }
}
