package dev.hwgrade.llm;

import java.util.List;

/**
 * What is sent to a model: the conversation so far, ending with the user's turn.
 *
 * @param turns the messages, the system prompt first when there is one
 * @param sample which of several samples of the same conversation this is (0 for the first); part
 *     of the cache key, so that N samples are N answers
 */
public record ModelRequest(List<Turn> turns, int sample) {
  public ModelRequest {
    turns = List.copyOf(turns);
    if (turns.isEmpty() || turns.get(turns.size() - 1).role() != Turn.Role.USER) {
      throw new IllegalArgumentException("a request ends with the user's turn");
    }
  }

  /** Characters in all turns: a rough size, four characters to a token, for estimates. */
  public long chars() {
    return turns.stream().mapToLong(t -> t.text().length()).sum();
  }
}
