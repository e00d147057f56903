package dev.hwgrade.llm;

/** Tokens one request used, as its provider counted them (0 when the provider does not say). */
public record Usage(long inputTokens, long outputTokens) {
  public static final Usage NONE = new Usage(0, 0);

  public Usage plus(Usage other) {
    return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
  }

  public long total() {
    return inputTokens + outputTokens;
  }
}
