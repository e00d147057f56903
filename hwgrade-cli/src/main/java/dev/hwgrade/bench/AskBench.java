package dev.hwgrade.bench;

import com.sun.net.httpserver.HttpServer;
import dev.hwgrade.llm.AskOptions;
import dev.hwgrade.llm.AskResult;
import dev.hwgrade.llm.AskRun;
import dev.hwgrade.llm.LangchainProvider;
import dev.hwgrade.llm.ModelSpec;
import dev.hwgrade.llm.Prompts;
import dev.hwgrade.llm.Provider;
import dev.hwgrade.llm.RetryingProvider;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * {@code hwgrade bench ask}: asks a generated assignment of a fake OpenAI-compatible provider on
 * 127.0.0.1 that answers after a fixed latency, and prints parts/s and hwgrade's own overhead per
 * request — the wall time beyond what the provider's latency alone would take at that concurrency.
 */
public final class AskBench {
  private AskBench() {}

  public static void run(PrintStream out, int parts, long latencyMs, int concurrency)
      throws IOException, InterruptedException {
    // without it the JDK's server holds a reply's body back until its headers are acknowledged
    // (Nagle's algorithm against a delayed ACK): 40 ms per request that are the server's, not ours
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
    server.setExecutor(Executors.newFixedThreadPool(Math.max(32, concurrency * 2)));
    byte[] reply =
        ("{\"id\":\"b\",\"object\":\"chat.completion\",\"model\":\"fake\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Working.\\n\\nFinal answer: 42"
                + " m/s\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,"
                + "\"completion_tokens\":12,\"total_tokens\":132}}")
            .getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/v1/chat/completions",
        ex -> {
          ex.getRequestBody().readAllBytes();
          try {
            Thread.sleep(latencyMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, reply.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(reply);
          }
        });
    server.start();
    Path dir = Files.createTempDirectory("hwgrade-bench-ask");
    try {
      int perProblem = 4;
      List<Problem> problems = new ArrayList<>();
      for (int p = 0; p * perProblem < parts; p++) {
        List<Part> ps = new ArrayList<>();
        for (int i = 0; i < perProblem && p * perProblem + i < parts; i++) {
          String id = (p + 1) + "." + (char) ('a' + i);
          ps.add(
              new Part(
                  id,
                  String.valueOf(p + 1),
                  null,
                  "What is the speed of object " + id + " after 3 s?",
                  null,
                  1,
                  Key.of(Kind.NUMERIC, "42 m/s"),
                  null));
        }
        problems.add(new Problem(String.valueOf(p + 1), "Kinematics " + (p + 1), ps));
      }
      Assignment a = new Assignment("bench", "Benchmark", problems);
      ModelSpec spec =
          new ModelSpec(
              "bench",
              Provider.OPENAI_COMPATIBLE,
              "fake",
              "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              concurrency,
              Duration.ofSeconds(30));
      AskOptions options =
          new AskOptions(
              new Prompts(false, null, null),
              1,
              null,
              null,
              new RetryingProvider.Policy(3, Duration.ofMillis(100), Duration.ofSeconds(5)));
      long t0 = System.nanoTime();
      AskResult r =
          new AskRun(dir, a, new LangchainProvider(spec, null), options, (d, t, u, c, n) -> {})
              .run();
      double wall = (System.nanoTime() - t0) / 1e9;
      // the provider alone: each thread's requests back to back, at the given latency
      double ideal = Math.ceil((double) r.requests() / concurrency) * latencyMs / 1000.0;
      double overheadMs = Math.max(0, wall - ideal) * 1000 * concurrency / r.requests();
      out.printf(
          Locale.ROOT,
          "ask: %d parts (%d answered, %d failed) in %.2f s at concurrency %d against %d ms"
              + " latency: %.0f parts/s; the latency alone takes %.2f s; hwgrade's overhead %.2f"
              + " ms per request%n",
          parts,
          r.answered(),
          r.failed(),
          wall,
          concurrency,
          latencyMs,
          parts / wall,
          ideal,
          overheadMs);
    } finally {
      server.stop(0);
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
