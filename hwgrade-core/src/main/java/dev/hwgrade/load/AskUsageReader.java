package dev.hwgrade.load;

import dev.hwgrade.model.AskUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@code hwgrade ask} recorded of a model's usage: the totals of the file's {@code ask}
 * block and each answer's (and sample's) {@code usage} and {@code status}. Lenient: these fields
 * are written by hwgrade, not by hand, and a value that is not a number is left out rather than
 * reported — the answers are graded all the same.
 */
final class AskUsageReader {
  private AskUsageReader() {}

  /** The usage recorded in a response file, or null when it records none. */
  static AskUsage read(YamlNode root) {
    if (!(root instanceof YamlNode.MapNode file)) {
      return null;
    }
    YamlNode.MapNode ask = map(file.get("ask"));
    YamlNode.MapNode totals = ask == null ? null : map(ask.get("totals"));
    Counts c = new Counts();
    if (file.get("answers") instanceof YamlNode.MapNode answers) {
      for (YamlNode.Entry e : answers.entries().values()) {
        YamlNode.MapNode a = map(e.value());
        if (a == null) {
          continue;
        }
        c.add(a);
        if (a.get("samples") instanceof YamlNode.ListNode samples) {
          for (YamlNode s : samples.items()) {
            YamlNode.MapNode m = map(s);
            if (m != null) {
              c.add(m);
            }
          }
        }
      }
    }
    if (totals == null && c.withUsage == 0) {
      return null;
    }
    Number replies = totals == null ? null : number(totals.get("replies"));
    Number in = totals == null ? null : number(totals.get("input_tokens"));
    Number out = totals == null ? null : number(totals.get("output_tokens"));
    Number cost = totals == null ? null : number(totals.get("cost_usd"));
    Number inPrice = ask == null ? null : number(ask.get("price_input"));
    Number outPrice = ask == null ? null : number(ask.get("price_output"));
    return new AskUsage(
        ask == null ? null : text(ask.get("provider")),
        replies == null ? c.withUsage : replies.intValue(),
        c.cached,
        in == null ? c.inputTokens : in.longValue(),
        out == null ? c.outputTokens : out.longValue(),
        cost == null ? null : cost.doubleValue(),
        inPrice == null ? null : inPrice.doubleValue(),
        outPrice == null ? null : outPrice.doubleValue(),
        c.latencies,
        c.retries,
        c.failed,
        c.refused);
  }

  /** Sums over answers and samples. */
  private static final class Counts {
    int withUsage;
    int cached;
    long inputTokens;
    long outputTokens;
    final List<Long> latencies = new ArrayList<>();
    int retries;
    int failed;
    int refused;

    void add(YamlNode.MapNode answer) {
      String status = text(answer.get("status"));
      if ("failed".equals(status)) {
        failed++;
      } else if ("refused".equals(status)) {
        refused++;
      }
      YamlNode.MapNode u = map(answer.get("usage"));
      if (u == null) {
        return;
      }
      withUsage++;
      Number in = number(u.get("input_tokens"));
      Number out = number(u.get("output_tokens"));
      inputTokens += in == null ? 0 : in.longValue();
      outputTokens += out == null ? 0 : out.longValue();
      if ("true".equals(text(u.get("cached")))) {
        cached++;
        return;
      }
      Number latency = number(u.get("latency_ms"));
      if (latency != null) {
        latencies.add(latency.longValue());
      }
      Number attempts = number(u.get("attempts"));
      if (attempts != null && attempts.intValue() > 1) {
        retries += attempts.intValue() - 1;
      }
    }
  }

  private static YamlNode.MapNode map(YamlNode n) {
    return n instanceof YamlNode.MapNode m ? m : null;
  }

  private static String text(YamlNode n) {
    return n instanceof YamlNode.Scalar s && !s.isNull() ? s.text().strip() : null;
  }

  private static Number number(YamlNode n) {
    String t = text(n);
    if (t == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(t);
      return Double.isFinite(d) && d >= 0 ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
