package dev.hwgrade.grade;

import dev.hwgrade.grade.bool.BooleanGrader;
import dev.hwgrade.grade.choice.ChoiceGrader;
import dev.hwgrade.grade.expression.ExpressionGrader;
import dev.hwgrade.grade.numeric.NumericGrader;
import dev.hwgrade.grade.text.TextGrader;
import dev.hwgrade.model.Kind;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the grader for a key's kind. Graders are created on first use, so a run that grades no text
 * never loads the embedding model and one that grades no expression never loads the CAS.
 */
public final class GraderRegistry {
  private final Map<Kind, Function<GradingOptions, Grader>> factories;
  private final GradingOptions options;
  private final Map<Kind, Grader> created = new EnumMap<>(Kind.class);

  private GraderRegistry(
      Map<Kind, Function<GradingOptions, Grader>> factories, GradingOptions options) {
    this.factories = new EnumMap<>(factories);
    this.options = options;
  }

  /** The standard graders, one per kind. */
  public static GraderRegistry standard(GradingOptions options) {
    Map<Kind, Function<GradingOptions, Grader>> f = new EnumMap<>(Kind.class);
    f.put(Kind.BOOLEAN, BooleanGrader::new);
    f.put(Kind.CHOICE, ChoiceGrader::new);
    f.put(Kind.NUMERIC, NumericGrader::new);
    f.put(Kind.EXPRESSION, ExpressionGrader::new);
    f.put(Kind.TEXT, TextGrader::new);
    return new GraderRegistry(f, options);
  }

  /** The standard graders with some replaced, for tests and extensions. */
  public static GraderRegistry of(
      Map<Kind, Function<GradingOptions, Grader>> overrides, GradingOptions options) {
    GraderRegistry std = standard(options);
    Map<Kind, Function<GradingOptions, Grader>> f = new EnumMap<>(std.factories);
    f.putAll(overrides);
    return new GraderRegistry(f, options);
  }

  public GradingOptions options() {
    return options;
  }

  /** The grader for a kind, created on first request. */
  public synchronized Grader forKind(Kind kind) {
    Grader g = created.get(kind);
    if (g == null) {
      Function<GradingOptions, Grader> factory = factories.get(kind);
      if (factory == null) {
        throw new IllegalArgumentException(
            "no grader for kind '" + kind.id() + "'; known kinds: " + Kind.known());
      }
      g = factory.apply(options);
      created.put(kind, g);
    }
    return g;
  }
}
