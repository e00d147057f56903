package dev.hwgrade.analyze;

import java.util.List;

/**
 * The tally of one group of parts: a problem or a category.
 *
 * @param key the problem id or category name
 * @param title a title for people (the problem's title); may equal the key
 * @param partIds the parts of the group, in order
 * @param tally their verdicts and score
 */
public record GroupStats(String key, String title, List<String> partIds, Tally tally) {
  public GroupStats {
    partIds = List.copyOf(partIds);
  }
}
