package dev.hwgrade.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models a user has defined in {@code models.yaml} files (the assignment folder's first, then
 * the user's configuration folder's), and the resolution of a model spec: an id defined there, or
 * {@code provider:model}.
 */
public final class ModelCatalog {
  private static final Set<String> FIELDS =
      Set.of(
          "provider",
          "model",
          "base_url",
          "api_key_env",
          "temperature",
          "max_output_tokens",
          "reasoning_effort",
          "seed",
          "price_input",
          "price_output",
          "concurrency",
          "timeout_seconds");

  private final Map<String, ModelSpec> models;

  private ModelCatalog(Map<String, ModelSpec> models) {
    this.models = models;
  }

  /** An empty catalog: only {@code provider:model} specs resolve. */
  public static ModelCatalog empty() {
    return new ModelCatalog(Map.of());
  }

  /**
   * Reads the given files in order; a file that does not exist is skipped, and an id defined in an
   * earlier file wins.
   *
   * @throws ModelConfigException for an unreadable file or an invalid model, naming both
   */
  public static ModelCatalog read(List<Path> files) throws ModelConfigException {
    Map<String, ModelSpec> models = new LinkedHashMap<>();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        continue;
      }
      JsonNode root;
      try {
        root = yaml.readTree(f.toFile());
      } catch (IOException e) {
        throw new ModelConfigException(f + ": not readable YAML: " + firstLine(e.getMessage()));
      }
      JsonNode list = root == null ? null : root.get("models");
      if (list == null || !list.isObject()) {
        throw new ModelConfigException(f + ": expected 'models:' mapping model ids to settings");
      }
      for (Map.Entry<String, JsonNode> e : list.properties()) {
        if (!models.containsKey(e.getKey())) {
          models.put(e.getKey(), spec(f, e.getKey(), e.getValue()));
        }
      }
    }
    return new ModelCatalog(models);
  }

  /** The usual places: {@code DIR/models.yaml}, then the user's {@code hwgrade/models.yaml}. */
  public static List<Path> defaultFiles(Path assignmentDir) {
    List<Path> files = new ArrayList<>();
    files.add(assignmentDir.resolve("models.yaml"));
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path config =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    files.add(config.resolve("hwgrade").resolve("models.yaml"));
    return files;
  }

  /**
   * The model a spec names: an id of this catalog, else {@code provider:model}.
   *
   * @throws ModelConfigException naming the known ids and providers
   */
  public ModelSpec resolve(String spec) throws ModelConfigException {
    ModelSpec m = models.get(spec);
    if (m != null) {
      return m;
    }
    int colon = spec.indexOf(':');
    if (colon > 0) {
      Provider p = Provider.parse(spec.substring(0, colon)).orElse(null);
      String name = spec.substring(colon + 1).strip();
      if (p != null && !name.isEmpty()) {
        if (p == Provider.OPENAI_COMPATIBLE) {
          throw new ModelConfigException(
              "model '"
                  + spec
                  + "': an openai-compatible server needs a base_url; define the model in"
                  + " models.yaml");
        }
        return ModelSpec.of(p, name);
      }
      if (p == null) {
        throw new ModelConfigException(
            "model '"
                + spec
                + "': unknown provider '"
                + spec.substring(0, colon)
                + "'; known providers: "
                + Provider.known());
      }
    }
    throw new ModelConfigException(
        "model '"
            + spec
            + "' is neither provider:model ("
            + Provider.known()
            + ") nor an id defined in models.yaml"
            + (models.isEmpty()
                ? " (none found)"
                : " (" + String.join(", ", models.keySet()) + ")"));
  }

  private static ModelSpec spec(Path f, String id, JsonNode n) throws ModelConfigException {
    String where = f + ": model '" + id + "'";
    if (!n.isObject()) {
      throw new ModelConfigException(where + ": expected a mapping of settings");
    }
    if (n.has("api_key")) {
      throw new ModelConfigException(
          where + ": keys are read from the environment only; name the variable with api_key_env");
    }
    for (Map.Entry<String, JsonNode> field : n.properties()) {
      String k = field.getKey();
      if (!FIELDS.contains(k)) {
        throw new ModelConfigException(
            where + ": unknown setting '" + k + "'; known: " + String.join(", ", FIELDS));
      }
    }
    String providerName = text(n, "provider");
    Provider p =
        Provider.parse(providerName)
            .orElseThrow(
                () ->
                    new ModelConfigException(
                        where
                            + ": unknown provider '"
                            + providerName
                            + "'; known: "
                            + Provider.known()));
    String model = text(n, "model");
    if (model == null || model.isBlank()) {
      throw new ModelConfigException(where + ": 'model' (the provider's model name) is missing");
    }
    String keyVar = n.has("api_key_env") ? text(n, "api_key_env") : p.defaultKeyVariable();
    try {
      return new ModelSpec(
          ModelSpec.safeId(id),
          p,
          model,
          text(n, "base_url"),
          keyVar == null || keyVar.isBlank() ? null : keyVar,
          number(n, "temperature", where),
          integer(n, "max_output_tokens", where),
          text(n, "reasoning_effort"),
          integer(n, "seed", where),
          number(n, "price_input", where),
          number(n, "price_output", where),
          n.has("concurrency") ? integer(n, "concurrency", where) : 0,
          n.has("timeout_seconds")
              ? Duration.ofMillis(Math.round(number(n, "timeout_seconds", where) * 1000))
              : null);
    } catch (IllegalArgumentException e) {
      throw new ModelConfigException(f + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Double number(JsonNode n, String field, String where) throws ModelConfigException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw new ModelConfigException(where + ": '" + field + "' must be a number");
    }
    return v.asDouble();
  }

  private static Integer integer(JsonNode n, String field, String where)
      throws ModelConfigException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber()) {
      throw new ModelConfigException(where + ": '" + field + "' must be a whole number");
    }
    return v.asInt();
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
