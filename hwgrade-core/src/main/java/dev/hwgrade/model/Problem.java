package dev.hwgrade.model;

import java.util.List;

/**
 * A problem of an assignment, with its gradable parts flattened in order.
 *
 * @param id the problem's id
 * @param title its title; may be null
 * @param statement what the problem sets out before its parts (Markdown); may be null
 * @param parts its gradable parts
 */
public record Problem(String id, String title, String statement, List<Part> parts) {
  public Problem {
    parts = List.copyOf(parts);
  }

  /** A problem without a statement of its own. */
  public Problem(String id, String title, List<Part> parts) {
    this(id, title, null, parts);
  }
}
