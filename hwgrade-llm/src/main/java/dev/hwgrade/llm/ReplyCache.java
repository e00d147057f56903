package dev.hwgrade.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Replies kept by content: the key is a SHA-256 of the provider, the model, its parameters, the
 * messages and the sample index, so the same question asked again is answered from disk, free and
 * the same. One JSON file per reply under {@code <dir>/<2 hex>/<64 hex>.json}, written atomically
 * (not waiting for the disk: a damaged entry is read as missing); refusals are kept, failures
 * never. The API key is no part of the key nor of the file.
 */
public final class ReplyCache {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  public ReplyCache(Path dir) {
    this.dir = dir;
  }

  /** {@code $XDG_CACHE_HOME/hwgrade/replies}, else {@code ~/.cache/hwgrade/replies}. */
  public static Path defaultDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("hwgrade").resolve("replies");
  }

  public Path dir() {
    return dir;
  }

  /** The cache key of a request to a model. */
  public static String key(ModelSpec spec, ModelRequest request) {
    ObjectNode n = JSON.createObjectNode();
    for (Map.Entry<String, Object> e : spec.parameters().entrySet()) {
      n.putPOJO(e.getKey(), e.getValue());
    }
    ArrayNode turns = n.putArray("messages");
    for (Turn t : request.turns()) {
      turns.addObject().put("role", t.role().name()).put("text", t.text());
    }
    n.put("sample", request.sample());
    try {
      // the JSON's UTF-8 bytes streamed into the digest, never held as one string
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      JSON.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), sha), n);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<ModelReply> get(String key) {
    Path f = file(key);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ReplyJson.read(JSON.readTree(f.toFile())).asCached());
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged entry is asked again and rewritten
    }
  }

  public void put(String key, ModelReply reply) throws IOException {
    JsonNode n = ReplyJson.write(reply);
    // not forced: a cache entry lost to a power loss, or damaged by one, is asked again
    AtomicFiles.write(file(key), JSON.writeValueAsString(n), false);
  }

  private Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }
}
