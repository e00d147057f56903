package dev.hwgrade.model;

import java.util.List;

/** A problem of an assignment, with its gradable parts flattened in order. */
public record Problem(String id, String title, List<Part> parts) {
  public Problem {
    parts = List.copyOf(parts);
  }
}
