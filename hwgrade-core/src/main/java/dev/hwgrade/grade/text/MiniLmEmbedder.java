package dev.hwgrade.grade.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The all-MiniLM-L6-v2 sentence-embedding model that ships inside the langchain4j jar, run
 * in-process with ONNX: no download, no network. The model (about 90 MB) is loaded once per JVM, on
 * the first text embedded, so commands that grade no text never pay for it. Embeddings of texts
 * seen before (key points, questions) come from a bounded cache. Thread-safe.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {
  private static final MiniLmEmbedder SHARED = new MiniLmEmbedder();
  private static final int CACHE_LIMIT = 20_000;

  /** Longer texts are cut: the tokenizer keeps at most 128 word pieces anyway. */
  private static final int MAX_CHARS = 2_000;

  /** The most texts in one session call. */
  static final int BATCH_TEXTS = 8;

  /** The most padded tokens in one session call (texts × the longest's length): 8 of 512. */
  static final int BATCH_TOKENS = 4_096;

  private final Map<String, float[]> cache = new ConcurrentHashMap<>();

  private MiniLmEmbedder() {}

  /** The one embedder of this JVM. */
  public static MiniLmEmbedder shared() {
    return SHARED;
  }

  /** Holder idiom: the JVM loads the model on first access, exactly once, thread-safely. */
  static final class Model {
    static final Model INSTANCE = warm(load());

    /** Many texts per session call; what the embedder uses. */
    final MiniLmBatches batched;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final byte[] tokenizer;
    private final Executor pool;
    private EmbeddingModel oneByOne;

    private Model(
        OrtEnvironment env,
        OrtSession session,
        byte[] tokenizer,
        HuggingFaceTokenizer words,
        ExecutorService pool,
        int cores) {
      this.env = env;
      this.session = session;
      this.tokenizer = tokenizer;
      this.pool = pool;
      this.batched =
          new MiniLmBatches(
              env,
              session,
              words,
              texts -> vectors(oneByOne(), texts),
              pool,
              cores,
              BATCH_TEXTS,
              BATCH_TOKENS);
    }

    /**
     * langchain4j's encoder over the same session: one session call per text, the texts spread over
     * the cores. Built on first use (with its own tokenizer), since batching leaves it only texts
     * with no word piece or beyond its window.
     */
    synchronized EmbeddingModel oneByOne() {
      if (oneByOne == null) {
        oneByOne =
            new OneThreadPerText(
                pool,
                new OnnxBertBiEncoder(
                    env, session, new ByteArrayInputStream(tokenizer), PoolingMode.MEAN));
      }
      return oneByOne;
    }

    /**
     * The bundled model in a session of one intra-op thread, the batches of a call run in parallel,
     * one per core. ONNX Runtime's default (an intra-op pool as wide as the machine, its threads
     * spinning while they wait) spent 21 s of CPU on the 1,258 sentences of SAF's unseen answers
     * against 12–13 s so; the embeddings are the same model's. The runtime's environment and the
     * tokenizer start on the pool while this thread inflates the model's 90 MB from the jar (half a
     * second).
     */
    private static Model load() {
      int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
      ExecutorService pool =
          Executors.newFixedThreadPool(
              cores,
              r -> {
                Thread t = new Thread(r, "hwgrade-embedding");
                t.setDaemon(true);
                return t;
              });
      CompletableFuture<OrtEnvironment> env =
          CompletableFuture.supplyAsync(OrtEnvironment::getEnvironment, pool);
      try (InputStream model = resource("all-minilm-l6-v2.onnx");
          InputStream tokenizerFile = resource("all-minilm-l6-v2-tokenizer.json")) {
        byte[] tokenizer = tokenizerFile.readAllBytes();
        // Not a lambda of this class: a pool thread would wait for this class's initialisation.
        CompletableFuture<HuggingFaceTokenizer> words =
            CompletableFuture.supplyAsync(MiniLmBatches.tokenizer(tokenizer), pool);
        byte[] bytes = model.readAllBytes();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        OrtSession session = env.join().createSession(bytes, options);
        return new Model(env.join(), session, tokenizer, words.join(), pool, cores);
      } catch (IOException | OrtException | CompletionException e) {
        throw new IllegalStateException("cannot load the bundled embedding model", e);
      }
    }

    private static InputStream resource(String name) throws IOException {
      InputStream in = AllMiniLmL6V2EmbeddingModel.class.getClassLoader().getResourceAsStream(name);
      if (in == null) {
        throw new IOException(name + " is not on the class path");
      }
      return in;
    }

    /**
     * One embedding before first use: the runtime finishes loading on its first inference, and that
     * belongs to the load (not charged to a part), not to the first answer graded.
     */
    private static Model warm(Model m) {
      m.batched.embed(List.of("The gradients of A and B are both zero."));
      return m;
    }
  }

  /** The vectors {@code model} gives {@code texts}, one session call per text. */
  static float[][] vectors(EmbeddingModel model, List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      segments.add(TextSegment.from(t));
    }
    List<Embedding> embedded = model.embedAll(segments).content();
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = embedded.get(i).vector();
    }
    return out;
  }

  /** all-MiniLM-L6-v2 over a session and an executor of hwgrade's choosing. */
  private static final class OneThreadPerText extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    OneThreadPerText(Executor executor, OnnxBertBiEncoder encoder) {
      super(executor);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return 384;
    }
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<String> missing = new ArrayList<>();
    Map<String, List<Integer>> where = new java.util.HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      String t = clip(texts.get(i));
      float[] hit = cache.get(t);
      if (hit != null) {
        out[i] = hit;
      } else {
        List<Integer> slots = where.computeIfAbsent(t, k -> new ArrayList<>());
        if (slots.isEmpty()) {
          missing.add(t);
        }
        slots.add(i);
      }
    }
    if (!missing.isEmpty()) {
      Model model = dev.hwgrade.grade.LoadTime.measure("the embedding model", () -> Model.INSTANCE);
      float[][] embedded = model.batched.embed(missing);
      if (cache.size() > CACHE_LIMIT) {
        cache.clear();
      }
      for (int j = 0; j < missing.size(); j++) {
        float[] v = unit(embedded[j]);
        for (int slot : where.get(missing.get(j))) {
          out[slot] = v;
        }
        cache.put(missing.get(j), v);
      }
    }
    return out;
  }

  private static String clip(String t) {
    // a text of nothing the tokenizer reads (control characters only) is no text
    String s =
        t == null
                || t.isBlank()
                || t.codePoints().allMatch(c -> c < ' ' || Character.isISOControl(c))
            ? "-"
            : t.strip();
    return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s;
  }

  private static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    double norm = Math.sqrt(n);
    float[] u = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = norm == 0 ? 0f : (float) (v[i] / norm);
    }
    return u;
  }
}
