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
 * killed at any instant has finished is there, and the next run asks only the rest.
 */
final class Journal {
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
    AtomicFiles.write(
        dir.resolve(fileName(e.part(), e.sample())),
        ReplyCache.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    entries.put(name(e.part(), e.sample()), e);
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
