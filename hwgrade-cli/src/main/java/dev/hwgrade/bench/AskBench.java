package dev.hwgrade.bench;

import com.sun.net.httpserver.HttpServer;
import dev.hwgrade.llm.AskOptions;
import dev.hwgrade.llm.AskProgress;
import dev.hwgrade.llm.AskResult;
import dev.hwgrade.llm.AskRun;
import dev.hwgrade.llm.AskTimings;
import dev.hwgrade.llm.LangchainProvider;
import dev.hwgrade.llm.ModelSpec;
import dev.hwgrade.llm.Prompts;
import dev.hwgrade.llm.Provider;
import dev.hwgrade.llm.ReplyCache;
import dev.hwgrade.llm.RetryingProvider;
import dev.hwgrade.model.Assignment;
import dev.hwgrade.model.Key;
import dev.hwgrade.model.Kind;
import dev.hwgrade.model.Part;
import dev.hwgrade.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * {@code hwgrade bench ask}: asks a generated assignment of a fake OpenAI-compatible provider on
 * 127.0.0.1 that answers after a fixed latency, and prints parts/s and where a request's time goes:
 * hwgrade's own (its threads' busy time outside the HTTP client's send), the client's send split
 * into the latency, the fake server's handling and the JDK client with the loopback, and threads
 * left idle; and the CPU time per request by thread. It asks twice in the same JVM: cold, then
 * warm.
 */
public final class AskBench {
  private static final int PER_PROBLEM = 4;
  private static final String SERVER = "server";
  private static final String CLIENT = "client";
  private static final String SERVER_THREAD = "fake-provider";

  private AskBench() {}

  public static void run(PrintStream out, int parts, long latencyMs, int concurrency)
      throws IOException, InterruptedException {
    // without it the JDK's server holds a reply's body back until its headers are acknowledged
    // (Nagle's algorithm against a delayed ACK): 40 ms per request that are the server's, not ours
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
    server.setExecutor(
        Executors.newFixedThreadPool(
            Math.max(32, concurrency * 2), r -> new Thread(r, SERVER_THREAD + "-handler")));
    byte[] reply =
        ("{\"id\":\"b\",\"object\":\"chat.completion\",\"model\":\"fake\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Working.\\n\\nFinal answer: 42"
                + " m/s\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,"
                + "\"completion_tokens\":12,\"total_tokens\":132}}")
            .getBytes(StandardCharsets.UTF_8);
    LongAdder serverNanos = new LongAdder();
    server.createContext(
        "/v1/chat/completions",
        ex -> {
          long t0 = System.nanoTime();
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
          serverNanos.add(System.nanoTime() - t0);
        });
    server.start();
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
    try {
      // the first run pays for loading the classes and compiling the hot code, once per JVM; the
      // second is what every further request costs
      for (String run : new String[] {"cold JVM", "warm JVM"}) {
        serverNanos.reset();
        long cpu0 = processCpuNanos();
        Map<String, Long> threads0 = threadCpuNanos();
        Measured m = ask(spec, parts);
        long cpu = processCpuNanos() - cpu0;
        Map<String, Long> threads = threadCpuNanos();
        threads0.forEach((k, v) -> threads.merge(k, -v, Long::sum));
        print(out, run, m, latencyMs, concurrency, serverNanos.sum(), cpu, threads);
      }
    } finally {
      server.stop(0);
    }
  }

  private static void print(
      PrintStream out,
      String run,
      Measured m,
      long latencyMs,
      int concurrency,
      long serverNanos,
      long cpu,
      Map<String, Long> threads) {
    AskResult r = m.result();
    AskTimings t = m.timings();
    int parts = r.answered() + r.refused() + r.failed() + r.missing();
    double requests = Math.max(1, r.requests());
    double serverMs = serverNanos / 1e6 / requests - latencyMs;
    out.printf(
        Locale.ROOT,
        "ask, %s: %d parts (%d answered, %d failed) in %.2f s at concurrency %d against %d ms"
            + " latency: %.0f parts/s; the latency alone takes %.2f s%n",
        run,
        parts,
        r.answered(),
        r.failed(),
        m.wall(),
        concurrency,
        latencyMs,
        parts / m.wall(),
        ideal(parts, latencyMs, concurrency));
    out.printf(
        Locale.ROOT,
        "  per request: hwgrade's own time %.2f ms (of which the journal %.2f ms); in the HTTP"
            + " client's send %.2f ms = the latency %d ms + the fake server %.2f ms + the JDK"
            + " client and loopback %.2f ms; threads idle %.2f ms; once at the end, the journal's"
            + " last sync %.0f ms and the response file %.0f ms%n",
        t.ownMsPerOutcome(),
        t.journalMsPerOutcome(),
        t.sendMsPerOutcome(),
        latencyMs,
        serverMs,
        t.sendMsPerOutcome() - latencyMs - serverMs,
        t.idleMsPerOutcome(),
        t.lastSyncNanos() / 1e6,
        (t.finishNanos() - t.lastSyncNanos()) / 1e6);
    double serverCpu = threads.getOrDefault(SERVER, 0L) / 1e6 / requests;
    double clientCpu = threads.getOrDefault(CLIENT, 0L) / 1e6 / requests;
    double process = cpu < 0 ? Double.NaN : cpu / 1e6 / requests;
    out.printf(
        Locale.ROOT,
        "  CPU per request: %.2f ms in all = hwgrade's threads %.2f ms + the fake server %.2f ms +"
            + " the JDK client's own threads %.2f ms + the rest (the JIT, the garbage collector,"
            + " the disk sync) %.2f ms; load average %.2f on %d cores%n",
        process,
        t.cpuMsPerOutcome(),
        serverCpu,
        clientCpu,
        process - t.cpuMsPerOutcome() - serverCpu - clientCpu,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * The CPU time so far of the live threads of the fake server and of the JDK's HTTP client, summed
   * by {@link #SERVER} and {@link #CLIENT}.
   */
  private static Map<String, Long> threadCpuNanos() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> m = new HashMap<>();
    for (ThreadInfo i : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (i == null) {
        continue;
      }
      String name = i.getThreadName();
      String group =
          name.startsWith(SERVER_THREAD) || name.startsWith("HTTP-Dispatcher")
              ? SERVER
              : name.startsWith("HttpClient-") ? CLIENT : null;
      long t = group == null ? -1 : mx.getThreadCpuTime(i.getThreadId());
      if (t > 0) {
        m.merge(group, t, Long::sum);
      }
    }
    return m;
  }

  /** The CPU time of the whole JVM, or -1 when it cannot tell. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private record Measured(AskResult result, AskTimings timings, double wall) {}

  private static Measured ask(ModelSpec spec, int parts) throws IOException {
    Path dir = Files.createTempDirectory("hwgrade-bench-ask");
    try {
      AskOptions options =
          new AskOptions(
              new Prompts(false, null, null),
              1,
              new ReplyCache(dir.resolve("cache")), // as ask runs by default, here always missed
              null,
              new RetryingProvider.Policy(3, Duration.ofMillis(100), Duration.ofSeconds(5)));
      long t0 = System.nanoTime();
      AskRun run =
          new AskRun(
              dir, assignment(parts), new LangchainProvider(spec, null), options, AskProgress.NONE);
      AskResult r = run.run();
      return new Measured(r, run.timings(), (System.nanoTime() - t0) / 1e9);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** Problems of four parts each, the last one shorter. */
  private static Assignment assignment(int parts) {
    List<Problem> problems = new ArrayList<>();
    for (int p = 0; p * PER_PROBLEM < parts; p++) {
      List<Part> ps = new ArrayList<>();
      for (int i = 0; i < PER_PROBLEM && p * PER_PROBLEM + i < parts; i++) {
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
    return new Assignment("bench", "Benchmark", problems);
  }

  /**
   * The wall time of the provider's latency alone: each problem is one conversation whose parts are
   * asked one after another, conversations are taken in order by the first free thread.
   */
  static double ideal(int parts, long latencyMs, int concurrency) {
    PriorityQueue<Long> free = new PriorityQueue<>();
    int problems = (parts + PER_PROBLEM - 1) / PER_PROBLEM;
    for (int i = 0; i < Math.min(concurrency, problems); i++) {
      free.add(0L);
    }
    long end = 0;
    for (int p = 0; p < problems; p++) {
      long n = Math.min(PER_PROBLEM, parts - (long) p * PER_PROBLEM);
      long done = free.poll() + n * latencyMs;
      end = Math.max(end, done);
      free.add(done);
    }
    return end / 1000.0;
  }
}
