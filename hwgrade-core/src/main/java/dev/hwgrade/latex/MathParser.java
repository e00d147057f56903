package dev.hwgrade.latex;

import dev.hwgrade.latex.MathNode.Add;
import dev.hwgrade.latex.MathNode.Call;
import dev.hwgrade.latex.MathNode.Div;
import dev.hwgrade.latex.MathNode.Matrix;
import dev.hwgrade.latex.MathNode.Mul;
import dev.hwgrade.latex.MathNode.Neg;
import dev.hwgrade.latex.MathNode.Num;
import dev.hwgrade.latex.MathNode.Percent;
import dev.hwgrade.latex.MathNode.PlusMinus;
import dev.hwgrade.latex.MathNode.Pow;
import dev.hwgrade.latex.MathNode.Relation;
import dev.hwgrade.latex.MathNode.Seq;
import dev.hwgrade.latex.MathNode.Sym;
import dev.hwgrade.latex.MathNode.Union;
import dev.hwgrade.latex.MathNode.Word;
import dev.hwgrade.latex.Token.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a cleaned answer (see {@link LatexCleaner}) into a {@link MathNode}. It reads LaTeX and
 * plain text alike: implicit multiplication ({@code 4k(m+l)} is a product, not a call), subscripted
 * names ({@code W_{QK}} is one symbol), {@code \log_2}, {@code \sqrt[3]{}}, {@code \binom}, {@code
 * C(6,3)}, matrices, intervals, sets (a set in set-builder notation reads as its condition), {@code
 * ±}, degree signs ({@code 30°} is {@code degrees(30)}), an ellipsis as a list item, and relation
 * chains, conditions joined by {@code ∧}/{@code ∨} ("and"/"or") or negated by {@code ¬} (as {@code
 * and}/{@code or}/{@code not} calls), and {@code ∩}, {@code ∖} of sets (as {@code intersect}/{@code
 * setminus} calls). Inputs over {@link #MAX_LENGTH} characters or nesting deeper than {@link
 * #MAX_DEPTH} are refused.
 */
public final class MathParser {
  /** The longest answer read, in characters. */
  public static final int MAX_LENGTH = 4000;

  /** The deepest nesting read. */
  public static final int MAX_DEPTH = 60;

  private static final Set<String> RELATIONS = Set.of("=", "≈", "<", ">", "≤", "≥", "≠", "∈");
  private static final Set<String> MATRIX_ENVIRONMENTS =
      Set.of(
          "pmatrix", "bmatrix", "matrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "array");
  private static final Set<String> BIG_OPERATORS =
      Set.of("sum", "prod", "int", "lim", "iint", "oint");
  private static final Set<String> ACCENTS =
      Set.of(
          "vec",
          "hat",
          "bar",
          "overline",
          "tilde",
          "widehat",
          "widetilde",
          "dot",
          "ddot",
          "overrightarrow",
          "underline");
  private static final Map<String, String> FUNCTION_ALIASES =
      Map.ofEntries(
          Map.entry("Tr", "tr"),
          Map.entry("trace", "tr"),
          Map.entry("lg", "log10"),
          Map.entry("cosec", "csc"),
          Map.entry("asin", "arcsin"),
          Map.entry("acos", "arccos"),
          Map.entry("atan", "arctan"),
          Map.entry("asinh", "arsinh"),
          Map.entry("arcsinh", "arsinh"),
          Map.entry("acosh", "arcosh"),
          Map.entry("arccosh", "arcosh"),
          Map.entry("atanh", "artanh"),
          Map.entry("arctanh", "artanh"));

  /** {@code \\sin^{-1}} is {@code \\arcsin}: the inverse function's own name. */
  private static final Map<String, String> INVERSES =
      Map.of(
          "sin", "arcsin", "cos", "arccos", "tan", "arctan", "sec", "arcsec", "csc", "arccsc",
          "cot", "arccot", "sinh", "arsinh", "cosh", "arcosh", "tanh", "artanh");

  /** Asymptotic classes written as a call: {@code O(n)}, {@code \Theta(n)}, {@code \Omega(n)}. */
  private static final Set<String> GROWTH_CLASSES = Set.of("O", "Theta", "Omega");

  private final List<Token> tokens;
  private int pos;
  private int depth;
  private int absDepth;

  private MathParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses a cleaned answer. */
  public static MathNode parse(String cleaned) throws MathSyntaxException {
    if (cleaned.length() > MAX_LENGTH) {
      throw new MathSyntaxException(
          "the answer is too long to read as mathematics (" + cleaned.length() + " characters)");
    }
    if (cleaned.isBlank()) {
      throw new MathSyntaxException("no mathematical answer was found");
    }
    MathParser p = new MathParser(Tokenizer.tokenize(cleaned));
    MathNode node = p.list(Set.of());
    if (p.peek().type() != Type.END) {
      throw new MathSyntaxException("unexpected " + p.peek() + " in '" + cleaned + "'");
    }
    return node;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.type() != Type.END) {
      pos++;
    }
    return t;
  }

  private void expect(String symbol) throws MathSyntaxException {
    Token t = next();
    if (!t.is(symbol)) {
      throw new MathSyntaxException("expected '" + symbol + "' but found " + t);
    }
  }

  private void enter() throws MathSyntaxException {
    if (++depth > MAX_DEPTH) {
      throw new MathSyntaxException("the answer is nested too deeply to read");
    }
  }

  /**
   * Items separated by commas or semicolons, up to one of {@code closers}. When both appear,
   * semicolons separate groups: {@code p=5,q=2; p=7,q=2} is two pairs.
   */
  private MathNode list(Set<String> closers) throws MathSyntaxException {
    enter();
    List<MathNode> items = new ArrayList<>();
    List<Integer> groupEnds = new ArrayList<>();
    boolean separated = false;
    boolean commas = false;
    while (true) {
      while (peek().is(",")
          || peek().is(";")
          || (peek().is("∧") || peek().is("∨")) && pos > 0 && tokens.get(pos - 1).is(",")) {
        if (next().text().equals(";")) {
          groupEnds.add(items.size());
        } else {
          commas = true;
        }
        separated = true;
      }
      if (peek().type() == Type.END
          || closers.contains(peek().text()) && peek().type() == Type.SYMBOL) {
        break;
      }
      if (peek().type() == Type.COMMAND && closers.contains(peek().text())) {
        break;
      }
      if (peek().is("…")
          && (peekAt(1).is(",")
              || peekAt(1).type() == Type.END
              || closers.contains(peekAt(1).text()))) {
        // 2, 4, …, 2n: an ellipsis standing for the items between
        next();
        items.add(new Sym("…"));
        separated = true;
        continue;
      }
      int before = pos;
      List<MathNode> joined = conditions();
      if (joined.size() == 1 && (separated || peek().is(",")) && isEquationList(joined.get(0))) {
        // a = 1, b = 2 and c = 3: "and" as the last comma of a list of values
        joined = ((Call) joined.get(0)).args();
      }
      items.addAll(joined);
      separated |= joined.size() > 1;
      if (pos == before) {
        throw new MathSyntaxException("unexpected " + peek());
      }
      if (!(peek().is(",") || peek().is(";"))) {
        break;
      }
    }
    depth--;
    if (items.isEmpty()) {
      throw new MathSyntaxException("empty expression");
    }
    if (commas && !groupEnds.isEmpty()) {
      return new Seq(groups(items, groupEnds), ' ', ' ');
    }
    return items.size() == 1 && !separated ? items.get(0) : new Seq(items, ' ', ' ');
  }

  private static List<MathNode> groups(List<MathNode> items, List<Integer> groupEnds) {
    List<MathNode> out = new ArrayList<>();
    int start = 0;
    List<Integer> ends = new ArrayList<>(groupEnds);
    ends.add(items.size());
    for (int end : ends) {
      if (end > start) {
        List<MathNode> group = items.subList(start, end);
        out.add(group.size() == 1 ? group.get(0) : new Seq(List.copyOf(group), '(', ')'));
      }
      start = Math.max(start, end);
    }
    return out;
  }

  private MathNode relation() throws MathSyntaxException {
    MathNode first = union();
    if (!RELATIONS.contains(peek().text()) || peek().type() != Type.SYMBOL) {
      return first;
    }
    List<MathNode> operands = new ArrayList<>(List.of(first));
    List<String> ops = new ArrayList<>();
    while (peek().type() == Type.SYMBOL && RELATIONS.contains(peek().text())) {
      ops.add(next().text());
      operands.add(union());
    }
    return new Relation(operands, ops);
  }

  private MathNode union() throws MathSyntaxException {
    MathNode first = intersection();
    if (!peek().is("∪") && !peek().is("∖")) {
      return first;
    }
    MathNode result = first;
    List<MathNode> parts = new ArrayList<>(List.of(first));
    while (peek().is("∪") || peek().is("∖")) {
      boolean union = next().is("∪");
      MathNode right = intersection();
      if (union) {
        parts.add(right);
        result = new Union(List.copyOf(parts));
      } else {
        result = new Call("setminus", List.of(result, right));
        parts = new ArrayList<>(List.of(result));
      }
    }
    return result;
  }

  // Conditions and set operations: a compact layer above relations and below sums.

  /** {@code A ∩ B ∩ C} as {@code intersect(A, B, C)}. */
  private MathNode intersection() throws MathSyntaxException {
    MathNode first = sum();
    if (!peek().is("∩")) {
      return first;
    }
    List<MathNode> parts = new ArrayList<>(List.of(first));
    while (peek().is("∩")) {
      next();
      parts.add(sum());
    }
    return new Call("intersect", parts);
  }

  /**
   * Relations joined by {@code ∧} ("and") and {@code ∨} ("or"), {@code ∧} binding tighter, each
   * perhaps negated by {@code ¬}: one {@code and}/{@code or}/{@code not} call when every operand is
   * a condition; otherwise the operands as separate list items, as commas would give ({@code 2 or
   * 3}).
   */
  private List<MathNode> conditions() throws MathSyntaxException {
    List<List<MathNode>> disjuncts = new ArrayList<>();
    List<MathNode> flat = new ArrayList<>();
    List<MathNode> current = new ArrayList<>();
    boolean logical = true;
    while (true) {
      MathNode operand = negatable();
      logical &= isCondition(operand);
      current.add(operand);
      flat.add(operand);
      if (peek().is("∧")) {
        next();
      } else if (peek().is("∨")) {
        next();
        disjuncts.add(current);
        current = new ArrayList<>();
      } else {
        break;
      }
    }
    disjuncts.add(current);
    if (flat.size() == 1) {
      return flat;
    }
    if (!logical) {
      for (MathNode n : flat) {
        if (n instanceof Call c && c.function().equals("not")) {
          throw new MathSyntaxException("'not' applies to a condition, not to " + c.args().get(0));
        }
      }
      return flat;
    }
    List<MathNode> ors = new ArrayList<>();
    for (List<MathNode> conj : disjuncts) {
      ors.add(conj.size() == 1 ? conj.get(0) : new Call("and", List.copyOf(conj)));
    }
    return List.of(ors.size() == 1 ? ors.get(0) : new Call("or", ors));
  }

  private MathNode negatable() throws MathSyntaxException {
    if (!peek().is("¬")) {
      return relation();
    }
    next();
    enter();
    MathNode operand = negatable();
    depth--;
    if (!isCondition(operand)) {
      throw new MathSyntaxException("'not' applies to a condition, not to " + operand);
    }
    return new Call("not", List.of(operand));
  }

  private static boolean isEquationList(MathNode n) {
    return n instanceof Call c
        && (c.function().equals("and") || c.function().equals("or"))
        && c.args().stream().allMatch(a -> a instanceof Relation r && r.ops().equals(List.of("=")));
  }

  private static boolean isCondition(MathNode n) {
    return n instanceof Relation
        || n instanceof Call c && Set.of("and", "or", "not").contains(c.function());
  }

  private MathNode sum() throws MathSyntaxException {
    enter();
    List<MathNode> terms = new ArrayList<>();
    terms.add(product());
    while (peek().is("+") || peek().is("-") || peek().is("±")) {
      String op = next().text();
      MathNode t = product();
      if (op.equals("±")) {
        MathNode left = terms.size() == 1 ? terms.get(0) : new Add(List.copyOf(terms));
        terms.clear();
        terms.add(new PlusMinus(left, t));
      } else {
        terms.add(op.equals("-") ? new Neg(t) : t);
      }
    }
    depth--;
    return terms.size() == 1 ? terms.get(0) : new Add(terms);
  }

  private MathNode product() throws MathSyntaxException {
    enter();
    boolean bareNumber =
        peek().type() == Type.NUMBER
            || (peek().is("-") || peek().is("+")) && peekAt(1).type() == Type.NUMBER;
    List<MathNode> factors = new ArrayList<>();
    factors.add(unary());
    // (11) 4/9 is a product; only a bare integer before a proper fraction makes a mixed number
    bareNumber = bareNumber && pos > 0 && tokens.get(pos - 1).type() == Type.NUMBER;
    while (true) {
      if (peek().is("*")) {
        next();
        factors.add(unary());
      } else if (peek().type() == Type.COMMAND && peek().text().equals("angle")) {
        // a phasor: 5∠53.13° is 5·e^{i·53.13°}
        next();
        MathNode angle = phasorAngle(unary());
        MathNode magnitude = factors.size() == 1 ? factors.get(0) : new Mul(List.copyOf(factors));
        factors.clear();
        factors.add(magnitude);
        factors.add(new Call("exp", List.of(new Mul(List.of(new Sym("i"), angle)))));
      } else if (peek().is("/") || peek().is(":")) {
        next();
        MathNode denominator = unary();
        MathNode numerator = factors.size() == 1 ? factors.get(0) : new Mul(List.copyOf(factors));
        factors.clear();
        factors.add(new Div(numerator, denominator));
      } else if (bareNumber
          && factors.size() == 1
          && isSignedInteger(factors.get(0))
          && peek().type() == Type.NUMBER
          && peekAt(1).is("/")
          && peekAt(2).type() == Type.NUMBER) {
        MathNode numerator = number(next());
        next();
        MathNode denominator = number(next());
        if (!isProper(numerator, denominator)) {
          throw new MathSyntaxException(
              "not a mixed number: " + factors.get(0) + " " + numerator + "/" + denominator);
        }
        factors.set(0, postfix(mixed(factors.get(0), new Div(numerator, denominator))));
      } else if (startsFactor(peek())) {
        boolean afterBracket = tokens.get(pos - 1).is(")");
        MathNode f = power();
        MathNode last = factors.get(factors.size() - 1);
        if (bareNumber
            && factors.size() == 1
            && isSignedInteger(last)
            && f instanceof Div d
            && isProper(d.numerator(), d.denominator())) {
          factors.set(0, mixed(last, d));
        } else if (bareNumber
            && factors.size() == 1
            && isSignedInteger(last)
            && f instanceof Percent p
            && p.value() instanceof Div d
            && isProper(d.numerator(), d.denominator())) {
          factors.set(0, new Percent(mixed(last, d)));
        } else if (last instanceof Num && f instanceof Num && !afterBracket) {
          throw new MathSyntaxException("two numbers side by side: " + last + " " + f);
        } else {
          factors.add(f);
        }
      } else {
        break;
      }
    }
    depth--;
    return factors.size() == 1 ? factors.get(0) : new Mul(factors);
  }

  /** {@code 2 3/4} is 2 + 3/4 and {@code -2 3/4} is -(2 + 3/4). */
  private static MathNode mixed(MathNode whole, Div fraction) {
    return whole instanceof Neg n
        ? new Neg(new Add(List.of(n.operand(), fraction)))
        : new Add(List.of(whole, fraction));
  }

  private static boolean isSignedInteger(MathNode n) {
    return isInteger(n) || n instanceof Neg g && isInteger(g.operand());
  }

  /** A proper fraction of integers, as the fractional part of a mixed number must be. */
  private static boolean isProper(MathNode numerator, MathNode denominator) {
    return isInteger(numerator)
        && isInteger(denominator)
        && ((Num) numerator).value().compareTo(((Num) denominator).value()) < 0;
  }

  private static boolean isInteger(MathNode n) {
    return n instanceof Num num && !num.approximate() && num.value().scale() <= 0;
  }

  private boolean startsFactor(Token t) {
    return switch (t.type()) {
      case NUMBER, IDENT, FUNCTION -> true;
      case COMMAND -> !t.text().equals("end") && !t.text().equals("right");
      case SYMBOL ->
          t.is("(") || t.is("\\{") || t.is("∞") || (t.is("|") && absDepth == 0) || t.is("{");
      default -> false;
    };
  }

  private MathNode unary() throws MathSyntaxException {
    enter();
    MathNode result;
    if (peek().is("-")) {
      next();
      result = new Neg(unary());
    } else if (peek().is("+")) {
      next();
      result = unary();
    } else if (peek().is("±")) {
      next();
      result = new PlusMinus(null, unary());
    } else {
      result = power();
    }
    depth--;
    return result;
  }

  private MathNode power() throws MathSyntaxException {
    MathNode base = postfix(primary());
    while (peek().is("^")) {
      next();
      if (peek().is("*") || peek().is("'")) {
        next();
        base = base instanceof Sym s ? new Sym(s.name() + "^*") : new Call("conj", List.of(base));
        continue;
      }
      MathNode exponent = script();
      if (exponent instanceof Sym s && (s.name().equals("T") || s.name().equals("top"))) {
        base = transpose(base);
      } else if (exponent instanceof Sym s && s.name().equals("*")) {
        base = base instanceof Sym b ? new Sym(b.name() + "^*") : base;
      } else {
        base = new Pow(base, raisedFurther(exponent));
      }
      base = postfix(base);
    }
    return base;
  }

  /**
   * Exponentiation is right-associative: in {@code 2^3^2} the exponent 3 is itself raised to 2, so
   * the whole is 2^9 = 512, not (2^3)^2.
   */
  private MathNode raisedFurther(MathNode exponent) throws MathSyntaxException {
    if (!peek().is("^")
        || peekAt(1).is("*")
        || peekAt(1).is("'")
        || peekAt(1).type() == Type.IDENT && peekAt(1).text().equals("T")) {
      return exponent;
    }
    next();
    enter();
    MathNode raised = new Pow(exponent, raisedFurther(script()));
    depth--;
    return raised;
  }

  /**
   * {@code ^T} of a written-out vector or matrix is that vector or matrix transposed: {@code (1,
   * 1)^T} is the column with entries 1 and 1; of anything else, a transpose to evaluate.
   */
  private static MathNode transpose(MathNode base) {
    if (base instanceof Matrix m) {
      List<List<MathNode>> rows = new ArrayList<>();
      for (int j = 0; j < m.rows().get(0).size(); j++) {
        List<MathNode> row = new ArrayList<>();
        for (List<MathNode> r : m.rows()) {
          row.add(r.get(j));
        }
        rows.add(row);
      }
      return new Matrix(rows);
    }
    if (base instanceof Seq s
        && !s.bare()
        && !s.isSet()
        && s.open() == (s.close() == ')' ? '(' : '[')
        && !s.items().isEmpty()
        && s.items().stream().noneMatch(MathParser::isCollection)) {
      List<List<MathNode>> rows = new ArrayList<>();
      for (MathNode item : s.items()) {
        rows.add(List.of(item));
      }
      return new Matrix(rows);
    }
    return new Call("transpose", List.of(base));
  }

  private static boolean isCollection(MathNode n) {
    return n instanceof Seq || n instanceof Matrix || n instanceof Union || n instanceof Relation;
  }

  /**
   * A phasor's angle written without a unit: engineers write {@code 5∠53.13} in degrees, so a bare
   * number beyond 2π (which no angle in radians needs) is read in degrees; one within it is left in
   * radians ({@code 5∠0.927}).
   */
  private static MathNode phasorAngle(MathNode angle) {
    MathNode bare = angle instanceof Neg n ? n.operand() : angle;
    if (bare instanceof Num num && Math.abs(num.value().doubleValue()) > 2 * Math.PI) {
      return new Call("degrees", List.of(angle));
    }
    return angle;
  }

  private MathNode postfix(MathNode node) throws MathSyntaxException {
    while (true) {
      if (peek().is("!")) {
        next();
        node = new Call("factorial", List.of(node));
      } else if (peek().is("%")) {
        next();
        node = new Percent(node);
      } else if (peek().is("°")) {
        next();
        node = new Call("degrees", List.of(node));
      } else if (peek().is("'") && node instanceof Sym s) {
        next();
        node = new Sym(s.name() + "'");
      } else {
        return node;
      }
    }
  }

  /** A superscript or subscript: a braced group or one token. */
  private MathNode script() throws MathSyntaxException {
    if (peek().is("{")) {
      next();
      MathNode inner = peek().is("*") ? starSymbol() : list(Set.of("}"));
      expect("}");
      return inner;
    }
    if (peek().is("-")) {
      next();
      return new Neg(primary());
    }
    if (peek().is("*")) {
      return starSymbol();
    }
    Token t = peek();
    if (t.type() == Type.NUMBER && t.text().length() > 1 && !t.text().contains(".")) {
      next();
      try {
        return new Num(new BigDecimal(t.text()), false);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new MathSyntaxException("not a number: " + t.text());
      }
    }
    return primary();
  }

  private MathNode starSymbol() {
    next();
    return new Sym("*");
  }

  private MathNode primary() throws MathSyntaxException {
    enter();
    Token t = next();
    MathNode result =
        switch (t.type()) {
          case NUMBER -> number(t);
          case IDENT -> identifier(t);
          case FUNCTION -> function(t.text());
          case COMMAND -> command(t.text());
          case WORD -> words(t);
          case SYMBOL -> symbol(t);
          case END -> throw new MathSyntaxException("the expression ends too early");
        };
    depth--;
    return result;
  }

  private MathNode number(Token t) throws MathSyntaxException {
    if (peek().is("_") && (peekAt(1).type() == Type.NUMBER || peekAt(1).is("{"))) {
      next();
      String base = subscriptText();
      return new Sym(t.text() + "_" + base);
    }
    try {
      BigDecimal v = new BigDecimal(t.text());
      boolean approximate =
          t.text().contains(".") || t.text().contains("e") || t.text().contains("E");
      return new Num(v, approximate);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new MathSyntaxException("not a number: " + t.text());
    }
  }

  private MathNode identifier(Token t) throws MathSyntaxException {
    String name = t.text();
    if (name.equals("emptyset") || name.equals("varnothing")) {
      return new Seq(List.of(), '{', '}');
    }
    if (name.equals("C") && peek().is("(")) {
      MathNode choose = chooseCall();
      if (choose != null) {
        return choose;
      }
    }
    if (GROWTH_CLASSES.contains(name) && peek().is("(")) {
      next();
      MathNode inner = list(Set.of(")"));
      expect(")");
      return new Call(name, List.of(inner));
    }
    if (peek().is("_")) {
      next();
      name = name + "_" + subscriptText();
    }
    return new Sym(name);
  }

  /**
   * {@code C(6,3)}, the binomial coefficient; null (reading nothing) unless two arguments follow.
   */
  private MathNode chooseCall() throws MathSyntaxException {
    int start = pos;
    next();
    MathNode inner = list(Set.of(")"));
    if (peek().is(")") && inner instanceof Seq s && s.bare() && s.items().size() == 2) {
      next();
      return new Call("binom", s.items());
    }
    pos = start;
    return null;
  }

  /** The text of a subscript, as part of a symbol's name: {@code W_{QK}} → {@code QK}. */
  private String subscriptText() throws MathSyntaxException {
    if (peek().is("{")) {
      next();
      StringBuilder sb = new StringBuilder();
      int level = 1;
      while (true) {
        Token t = next();
        if (t.type() == Type.END) {
          throw new MathSyntaxException("a subscript is not closed");
        }
        if (t.is("{")) {
          level++;
        } else if (t.is("}") && --level == 0) {
          break;
        }
        sb.append(t.text());
      }
      return sb.toString();
    }
    Token t = next();
    if (t.type() == Type.END) {
      throw new MathSyntaxException("a subscript is missing");
    }
    return t.text();
  }

  private MathNode function(String rawName) throws MathSyntaxException {
    String name = FUNCTION_ALIASES.getOrDefault(rawName, rawName);
    if (name.equals("sigma") && !peek().is("(")) {
      if (peek().is("_")) { // \sigma_X, a standard deviation, not the sigmoid
        next();
        return new Sym("sigma_" + subscriptText());
      }
      return new Sym("sigma");
    }
    if (name.equals("sqrt")) {
      return command("sqrt");
    }
    if (!peek().is("(") && !peek().is("_") && !peek().is("^") && !startsFactor(peek())) {
      return new Sym(name);
    }
    MathNode base = null;
    if (peek().is("_")) {
      next();
      base = script();
    }
    MathNode power = null;
    if (peek().is("^")) {
      next();
      power = script();
    }
    List<MathNode> args = new ArrayList<>();
    if (peek().is("(")) {
      next();
      MathNode inner = list(Set.of(")"));
      expect(")");
      if (inner instanceof Seq s && s.bare()) {
        args.addAll(s.items());
      } else {
        args.add(inner);
      }
    } else {
      args.add(simpleArgument());
    }
    MathNode call;
    if (name.equals("log") && base != null) {
      call = new Call("logb", List.of(base, args.get(0)));
    } else if (name.equals("cbrt") && args.size() == 1) {
      call = new Call("root", List.of(args.get(0), new Num(BigDecimal.valueOf(3), false)));
    } else {
      call = new Call(name, args);
    }
    if (power != null) {
      boolean inverse =
          power instanceof Neg n
              && n.operand() instanceof Num num
              && num.value().compareTo(BigDecimal.ONE) == 0;
      if (inverse) {
        String arc = INVERSES.get(name);
        return new Call(arc == null ? "inverse-" + name : arc, args);
      }
      return new Pow(call, power);
    }
    return call;
  }

  /** The argument of a function written without parentheses: {@code \log n}, {@code \sin 2x}. */
  private MathNode simpleArgument() throws MathSyntaxException {
    List<MathNode> factors = new ArrayList<>();
    factors.add(power());
    while (peek().type() == Type.IDENT || peek().type() == Type.NUMBER) {
      factors.add(power());
    }
    return factors.size() == 1 ? factors.get(0) : new Mul(factors);
  }

  private MathNode group() throws MathSyntaxException {
    if (!peek().is("{")) {
      return primary();
    }
    next();
    MathNode inner = list(Set.of("}"));
    expect("}");
    return inner;
  }

  private MathNode command(String name) throws MathSyntaxException {
    switch (name) {
      case "frac":
        {
          MathNode num = group();
          MathNode den = group();
          return new Div(num, den);
        }
      case "binom":
        {
          MathNode n = group();
          MathNode k = group();
          return new Call("binom", List.of(n, k));
        }
      case "sqrt":
        {
          MathNode index = null;
          if (peek().is("[")) {
            next();
            index = list(Set.of("]"));
            expect("]");
          }
          MathNode radicand = peek().is("(") ? primary() : group();
          return index == null
              ? new Call("sqrt", List.of(radicand))
              : new Call("root", List.of(radicand, index));
        }
      case "begin":
        return environment();
      case "floor":
      case "ceil":
        {
          MathNode inner = list(Set.of(")"));
          expect(")");
          return new Call(name, List.of(inner));
        }
      case "operatorname":
        return group();
      default:
        break;
    }
    if (ACCENTS.contains(name)) {
      String text = peek().is("{") ? subscriptText() : next().text();
      return new Sym(name + "(" + text + ")");
    }
    if (BIG_OPERATORS.contains(name)) {
      List<MathNode> args = new ArrayList<>();
      if (peek().is("_")) {
        next();
        args.add(script());
      }
      if (peek().is("^")) {
        next();
        args.add(script());
      }
      args.add(0, product());
      return new Call(name, args);
    }
    return new Sym(name);
  }

  private MathNode environment() throws MathSyntaxException {
    String env = subscriptText();
    if (!MATRIX_ENVIRONMENTS.contains(env)) {
      MathNode inner = list(Set.of("end"));
      closeEnvironment();
      return inner;
    }
    if (env.equals("array") && peek().is("{")) {
      subscriptText();
    }
    List<List<MathNode>> rows = new ArrayList<>();
    List<MathNode> row = new ArrayList<>();
    while (true) {
      if (peek().type() == Type.COMMAND && peek().text().equals("end")) {
        closeEnvironment();
        break;
      }
      if (peek().type() == Type.END) {
        throw new MathSyntaxException("a matrix is not closed");
      }
      if (peek().is("&")) {
        next();
        continue;
      }
      if (peek().is("\\\\")) {
        next();
        if (!row.isEmpty()) {
          rows.add(row);
        }
        row = new ArrayList<>();
        continue;
      }
      row.add(relationIn(Set.of("&", "\\\\", "end")));
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new MathSyntaxException("an empty matrix");
    }
    int width = rows.get(0).size();
    for (List<MathNode> r : rows) {
      if (r.size() != width) {
        throw new MathSyntaxException("matrix rows have different lengths");
      }
    }
    MathNode matrix = new Matrix(rows);
    return env.equals("vmatrix") ? new Call("det", List.of(matrix)) : matrix;
  }

  private MathNode relationIn(Set<String> stops) throws MathSyntaxException {
    int before = pos;
    MathNode n = relation();
    if (pos == before) {
      throw new MathSyntaxException("unexpected " + peek() + " in a matrix");
    }
    return n;
  }

  private void closeEnvironment() throws MathSyntaxException {
    Token end = next();
    if (!(end.type() == Type.COMMAND && end.text().equals("end"))) {
      throw new MathSyntaxException("expected \\end");
    }
    subscriptText();
  }

  private MathNode words(Token first) {
    StringBuilder sb = new StringBuilder(first.text());
    while (peek().type() == Type.WORD) {
      sb.append(' ').append(next().text());
    }
    return new Word(sb.toString());
  }

  private MathNode symbol(Token t) throws MathSyntaxException {
    switch (t.text()) {
      case "∞":
        return new Sym("∞");
      case "(":
      case "[":
        return bracket(t.text().charAt(0));
      case "\\{":
        {
          if (peek().is("\\}")) {
            next();
            return new Seq(List.of(), '{', '}');
          }
          MathNode condition = setBuilder();
          if (condition != null) {
            return condition;
          }
          MathNode inner = list(Set.of("\\}"));
          expect("\\}");
          return new Seq(inner instanceof Seq s && s.bare() ? s.items() : List.of(inner), '{', '}');
        }
      case "{":
        {
          MathNode inner = list(Set.of("}"));
          expect("}");
          return inner instanceof Seq s && s.bare() ? new Seq(s.items(), '{', '}') : inner;
        }
      case "|":
        {
          absDepth++;
          MathNode inner = sum();
          absDepth--;
          expect("|");
          return new Call("abs", List.of(inner));
        }
      default:
        throw new MathSyntaxException("unexpected " + t);
    }
  }

  /**
   * The condition of a set written in set-builder notation, {@code \\{x \\mid x > 3\\}} or {@code
   * \\{x \\in \\mathbb{R} : -2 \\le x \\le 5\\}}, read as {@code x > 3}; null (reading nothing)
   * when the braces do not open one.
   */
  private MathNode setBuilder() throws MathSyntaxException {
    int separator = -1;
    if (peek().type() == Type.IDENT && (peekAt(1).is("|") || peekAt(1).is(":"))) {
      separator = 1;
    } else if (peek().type() == Type.IDENT && peekAt(1).is("∈")) {
      int level = 0;
      for (int ahead = 2; ahead < 16; ahead++) {
        Token t = peekAt(ahead);
        if (level == 0 && (t.is("|") || t.is(":"))) {
          separator = ahead;
          break;
        }
        if (t.is("(") || t.is("[")) {
          level++;
        } else if (t.is(")") || t.is("]")) {
          level--;
        } else if (t.type() == Type.END || t.is("\\}") || level == 0 && t.is(",")) {
          break;
        }
      }
    }
    if (separator < 0) {
      return null;
    }
    if (separator > 1) {
      // only the real line: over the integers, {x ∈ ℤ : 1 ≤ x ≤ 3} is {1, 2, 3}, not an interval
      StringBuilder domain = new StringBuilder();
      for (int ahead = 2; ahead < separator; ahead++) {
        domain.append(peekAt(ahead).text());
      }
      if (!domain.toString().equals("(-∞,∞)")) {
        return null;
      }
    }
    pos += separator + 1;
    MathNode condition = list(Set.of("\\}"));
    expect("\\}");
    return condition;
  }

  /**
   * The rows of a matrix written as nested brackets, {@code [[1, 2], [0, 1]]} (NumPy, MATLAB,
   * Mathematica with square brackets): rows of equal length, each in square brackets; null
   * otherwise.
   */
  private static List<List<MathNode>> nestedRows(MathNode inner) {
    List<MathNode> rows = inner instanceof Seq s && s.bare() ? s.items() : List.of(inner);
    List<List<MathNode>> out = new ArrayList<>();
    for (MathNode row : rows) {
      if (!(row instanceof Seq r && r.open() == '[' && r.close() == ']')
          || r.items().isEmpty()
          || r.items().stream().anyMatch(MathParser::isCollection)
          || !out.isEmpty() && out.get(0).size() != r.items().size()) {
        return null;
      }
      out.add(r.items());
    }
    return out;
  }

  private MathNode bracket(char open) throws MathSyntaxException {
    int savedAbs = absDepth;
    absDepth = 0;
    MathNode inner = list(Set.of(")", "]"));
    absDepth = savedAbs;
    Token close = next();
    if (!close.is(")") && !close.is("]")) {
      throw new MathSyntaxException("a bracket '" + open + "' is not closed");
    }
    char c = close.text().charAt(0);
    if (open == '[' && c == ']' && nestedRows(inner) != null) {
      return new Matrix(nestedRows(inner));
    }
    if (inner instanceof Seq s && s.bare()) {
      return new Seq(s.items(), open, c);
    }
    if (open == '(' && c == ')' || open == '[' && c == ']') {
      return inner;
    }
    throw new MathSyntaxException("an interval needs two ends: " + open + inner + c);
  }
}
