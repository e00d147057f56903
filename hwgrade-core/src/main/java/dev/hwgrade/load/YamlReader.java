package dev.hwgrade.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.hwgrade.model.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into {@link YamlNode}s with locations. Duplicate keys are reported, not silently
 * overwritten; a syntax error becomes one located diagnostic.
 *
 * <p>Aliases ({@code *name}) are refused with a located error rather than resolved: the streaming
 * parser hands an alias over as the text of its name, which read silently as a value ("four" for
 * {@code *four}), and resolving them would let a few lines of nested aliases (a "billion laughs"
 * file) grow without bound. Anchors on their own ({@code &name}) change nothing and are accepted.
 */
public final class YamlReader {
  /**
   * The largest YAML file read, in characters (3 MiB, the YAML parser's own limit); a larger file
   * is refused before parsing with a located error.
   */
  public static final int MAX_CHARS = 3 * 1024 * 1024;

  /** The deepest nesting of maps and lists read. */
  public static final int MAX_DEPTH = 64;

  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .loaderOptions(loaderOptions())
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    // Our own check refuses larger files first; the parser's limit only backs it up.
    o.setCodePointLimit(MAX_CHARS + 1);
    return o;
  }

  private final String file;
  private final List<Diagnostic> diagnostics;

  private YamlReader(String file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /**
   * Parses {@code text}; problems go to {@code diagnostics}.
   *
   * @return the root node, or null when the text is not valid YAML or is empty
   */
  public static YamlNode read(String file, String text, List<Diagnostic> diagnostics) {
    if (text.length() > MAX_CHARS && text.codePointCount(0, text.length()) > MAX_CHARS) {
      diagnostics.add(
          Diagnostic.error(
              new SourceLocation(file, 1, 1),
              "file is too large: "
                  + text.codePointCount(0, text.length())
                  + " characters, above the "
                  + MAX_CHARS
                  + " (3 MiB) that hwgrade reads; split it or shorten it"));
      return null;
    }
    YamlReader r = new YamlReader(file, diagnostics);
    JsonParser parser = null;
    try (JsonParser p = FACTORY.createParser(text)) {
      parser = p;
      JsonToken t = p.nextToken();
      if (t == null) {
        diagnostics.add(Diagnostic.error(new SourceLocation(file, 1, 1), "file is empty"));
        return null;
      }
      return r.value(p, 0);
    } catch (StreamConstraintsException e) {
      JsonLocation l = parser == null ? null : parser.currentLocation();
      diagnostics.add(
          Diagnostic.error(
              r.loc(l), "nesting deeper than " + MAX_DEPTH + " levels of maps and lists"));
      return null;
    } catch (JsonProcessingException e) {
      SourceLocation tab = leadingTab(file, text);
      if (tab != null) {
        diagnostics.add(Diagnostic.error(tab, "tabs cannot indent YAML; use spaces"));
        return null;
      }
      JsonLocation l = e.getLocation();
      String msg = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage();
      msg = msg.lines().findFirst().orElse(msg).strip();
      diagnostics.add(Diagnostic.error(r.loc(l), "invalid YAML: " + msg));
      return null;
    } catch (IOException | RuntimeException e) {
      diagnostics.add(
          Diagnostic.error(new SourceLocation(file, 1, 1), "cannot read YAML: " + e.getMessage()));
      return null;
    }
  }

  /** The first tab in the indentation of a line, or null. */
  static SourceLocation leadingTab(String file, String text) {
    int line = 1;
    int col = 1;
    boolean indent = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        col = 1;
        indent = true;
        continue;
      }
      if (indent && c == '\t') {
        return new SourceLocation(file, line, col);
      }
      if (c != ' ' && c != '-') {
        indent = false;
      }
      col++;
    }
    return null;
  }

  private YamlNode value(JsonParser p, int depth) throws IOException {
    SourceLocation at = loc(p.currentTokenLocation());
    JsonToken t = p.currentToken();
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      diagnostics.add(
          Diagnostic.error(
              at,
              "YAML alias '*"
                  + p.getText()
                  + "' is not supported; write the value out in full where the alias stands"));
      return new YamlNode.Scalar(at, null, YamlNode.Scalar.Type.NULL);
    }
    switch (t) {
      case START_OBJECT:
        return map(p, at, depth);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p, depth + 1));
        }
        return new YamlNode.ListNode(at, items);
      case VALUE_STRING:
        return new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Type.STRING);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Type.NUMBER);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Type.BOOLEAN);
      case VALUE_NULL:
        return new YamlNode.Scalar(at, null, YamlNode.Scalar.Type.NULL);
      default:
        return new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Type.STRING);
    }
  }

  private YamlNode map(JsonParser p, SourceLocation at, int depth) throws IOException {
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      SourceLocation keyAt = loc(p.currentTokenLocation());
      p.nextToken();
      YamlNode v = value(p, depth + 1);
      YamlNode.Entry previous = entries.get(key);
      if (previous != null) {
        diagnostics.add(
            Diagnostic.error(
                keyAt,
                "duplicate key '"
                    + key
                    + "' (first at line "
                    + previous.keyLocation().line()
                    + ")"));
        continue;
      }
      entries.put(key, new YamlNode.Entry(key, keyAt, v));
    }
    return new YamlNode.MapNode(at, entries);
  }

  private SourceLocation loc(JsonLocation l) {
    if (l == null) {
      return new SourceLocation(file, 0, 0);
    }
    return new SourceLocation(file, Math.max(l.getLineNr(), 1), Math.max(l.getColumnNr(), 1));
  }
}
