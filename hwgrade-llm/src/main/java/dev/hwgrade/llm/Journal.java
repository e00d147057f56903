package dev.hwgrade.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every outcome of a run as it arrives, one file per part and sample under {@code
 * <assignment>/replies/<model-id>/} (the raw reply included), each written atomically: what a run
 * killed at any instant has finished is there, and the next run asks only the rest. The files are
 * forced to the disk in batches in the background ({@link DiskSync}), not one by one on the
 * request's thread; {@link #close()} forces the rest.
 */
final class Journal implements AutoCloseable {
  /** How often the journal's new files are forced to the disk. */
  static final java.time.Duration SYNC_INTERVAL = java.time.Duration.ofMillis(200);

  /** One part's (or the whole assignment's) outcome for one sample. */
  record Entry(
      String part, int sample, String requestKey, Status status, String reason, ModelReply reply) {}

  /** How a request ended. */
  enum Status {
    ANSWERED,
    REFUSED,
    FAILED
  }

  private final Path dir;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final DiskSync sync = new DiskSync(SYNC_INTERVAL);

  Journal(Path dir) throws IOException {
    this.dir = dir;
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
        for (Path f : ds) {
          Entry e = read(f);
          if (e != null) {
            entries.put(name(e.part(), e.sample()), e);
          }
        }
      }
    }
  }

  Path dir() {
    return dir;
  }

  Entry get(String part, int sample) {
    return entries.get(name(part, sample));
  }

  /** The file holding a part's outcome, relative to the assignment folder's parent of replies. */
  String fileName(String part, int sample) {
    return name(part, sample) + ".json";
  }

  void put(Entry e) throws IOException {
    ObjectNode n =
        e.reply() == null ? ReplyCache.JSON.createObjectNode() : ReplyJson.write(e.reply());
    n.put("part", e.part());
    n.put("sample", e.sample());
    n.put("request", e.requestKey());
    n.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
    if (e.reason() != null) {
      n.put("reason", e.reason());
    }
    n.put("cached", e.reply() != null && e.reply().cached());
    Path f = dir.resolve(fileName(e.part(), e.sample()));
    AtomicFiles.write(
        f, ReplyCache.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n), false);
    sync.written(f);
    entries.put(name(e.part(), e.sample()), e);
  }

  /** Forces every entry written so far to the disk and stops the background syncing. */
  @Override
  public void close() throws IOException {
    sync.close();
  }

  private static Entry read(Path f) {
    try {
      JsonNode n = ReplyCache.JSON.readTree(f.toFile());
      Status status = Status.valueOf(n.path("status").asText().toUpperCase(java.util.Locale.ROOT));
      ModelReply reply = n.hasNonNull("text") ? ReplyJson.read(n) : null;
      if (reply != null && n.path("cached").asBoolean()) {
        reply = reply.asCached();
      }
      return new Entry(
          n.path("part").asText(),
          n.path("sample").asInt(),
          n.path("request").asText(),
          status,
          n.hasNonNull("reason") ? n.get("reason").asText() : null,
          reply);
    } catch (IOException | RuntimeException e) {
      return null; // a damaged entry is asked again
    }
  }

  private static String name(String part, int sample) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("*", "%2A")
        + (sample == 0 ? "" : "~" + (sample + 1));
  }
}
