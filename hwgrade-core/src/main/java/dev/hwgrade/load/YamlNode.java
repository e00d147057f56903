package dev.hwgrade.load;

import dev.hwgrade.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value that remembers where it was written, so every problem can be located. */
public sealed interface YamlNode {
  SourceLocation location();

  /** What the node is, for messages: "a mapping", "a list", "a text". */
  String describe();

  /** A mapping; keys keep file order and their own locations. */
  record MapNode(SourceLocation location, Map<String, Entry> entries) implements YamlNode {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public YamlNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A key of a mapping, with where the key is written, and its value. */
  record Entry(String key, SourceLocation keyLocation, YamlNode value) {}

  /** A sequence. */
  record ListNode(SourceLocation location, List<YamlNode> items) implements YamlNode {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A scalar; {@code text} is null for YAML null. */
  record Scalar(SourceLocation location, String text, Type type) implements YamlNode {
    /** The YAML type the parser saw. */
    public enum Type {
      STRING,
      NUMBER,
      BOOLEAN,
      NULL
    }

    public boolean isNull() {
      return type == Type.NULL;
    }

    @Override
    public String describe() {
      return switch (type) {
        case STRING -> "a text";
        case NUMBER -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL -> "nothing";
      };
    }
  }
}
