package dev.hwgrade.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A part's answer key: its kind, the final answer, and the options of that kind.
 *
 * @param kind how the answer is graded
 * @param answer the key's final answer
 * @param explanation the key's reasoning, quoted in the report; may be null
 * @param alternatives other accepted final answers
 * @param keyPoints text: what a correct answer must say; empty means the answer is the one point
 * @param tolerance numeric: relative error still correct; null means the grader's default
 * @param partialWithin numeric: factor within which an answer is partially correct; may be null
 * @param sigfigs numeric: significant figures that must agree, an alternative to tolerance
 * @param unit numeric: unit of the answer when it carries none; may be null
 * @param matrices expression: symbols that do not commute
 * @param positive expression: symbols that stand for positive quantities ({@code all} for every
 *     symbol), compared only at positive values
 * @param options choice: letter to option text, in order
 * @param ordered expression: whether tuples and lists must keep their order
 * @param compare expression: how equations and conditions compare (by form, or by solution set)
 */
public record Key(
    Kind kind,
    String answer,
    String explanation,
    List<String> alternatives,
    List<KeyPoint> keyPoints,
    Double tolerance,
    Double partialWithin,
    Integer sigfigs,
    String unit,
    List<String> matrices,
    List<String> positive,
    Map<String, String> options,
    boolean ordered,
    Compare compare) {
  public Key {
    Objects.requireNonNull(kind, "kind");
    answer = answer == null ? "" : answer;
    alternatives = List.copyOf(alternatives == null ? List.of() : alternatives);
    keyPoints = List.copyOf(keyPoints == null ? List.of() : keyPoints);
    matrices = List.copyOf(matrices == null ? List.of() : matrices);
    positive = List.copyOf(positive == null ? List.of() : positive);
    compare = compare == null ? Compare.FORM : compare;
    options =
        options == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** A key with only a kind and an answer. */
  public static Key of(Kind kind, String answer) {
    return builder(kind).answer(answer).build();
  }

  public static Builder builder(Kind kind) {
    return new Builder(kind);
  }

  /** The answer followed by the alternatives: every accepted final answer. */
  public List<String> acceptedAnswers() {
    java.util.ArrayList<String> all = new java.util.ArrayList<>();
    all.add(answer);
    all.addAll(alternatives);
    return all;
  }

  /** Builds a {@link Key}; every option starts unset. */
  public static final class Builder {
    private final Kind kind;
    private String answer = "";
    private String explanation;
    private List<String> alternatives = List.of();
    private List<KeyPoint> keyPoints = List.of();
    private Double tolerance;
    private Double partialWithin;
    private Integer sigfigs;
    private String unit;
    private List<String> matrices = List.of();
    private List<String> positive = List.of();
    private Map<String, String> options = Map.of();
    private boolean ordered = true;
    private Compare compare = Compare.FORM;

    private Builder(Kind kind) {
      this.kind = kind;
    }

    public Builder answer(String v) {
      answer = v;
      return this;
    }

    public Builder explanation(String v) {
      explanation = v;
      return this;
    }

    public Builder alternatives(List<String> v) {
      alternatives = v;
      return this;
    }

    public Builder keyPoints(List<KeyPoint> v) {
      keyPoints = v;
      return this;
    }

    public Builder tolerance(Double v) {
      tolerance = v;
      return this;
    }

    public Builder partialWithin(Double v) {
      partialWithin = v;
      return this;
    }

    public Builder sigfigs(Integer v) {
      sigfigs = v;
      return this;
    }

    public Builder unit(String v) {
      unit = v;
      return this;
    }

    public Builder matrices(List<String> v) {
      matrices = v;
      return this;
    }

    public Builder positive(List<String> v) {
      positive = v;
      return this;
    }

    public Builder options(Map<String, String> v) {
      options = v;
      return this;
    }

    public Builder ordered(boolean v) {
      ordered = v;
      return this;
    }

    public Builder compare(Compare v) {
      compare = v;
      return this;
    }

    public Key build() {
      return new Key(
          kind,
          answer,
          explanation,
          alternatives,
          keyPoints,
          tolerance,
          partialWithin,
          sigfigs,
          unit,
          matrices,
          positive,
          options,
          ordered,
          compare);
    }
  }
}
