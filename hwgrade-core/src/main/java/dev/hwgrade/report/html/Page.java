package dev.hwgrade.report.html;

/** The frame shared by the HTML reports: head, style, MathJax set up to typeset math spans only. */
final class Page {
  private Page() {}

  static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1000px;margin:2em auto;\
      padding:0 1em;line-height:1.45;color:#222}
      h1,h2,h3{line-height:1.2}
      .part{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:1em 0}
      .part h3{margin:.2em 0 .5em}
      .label{font-weight:600;color:#555;margin-top:.6em}
      .badge{display:inline-block;padding:.1em .6em;border-radius:1em;font-weight:600;color:#fff}
      .v-correct{background:#2e7d32;fill:#2e7d32}
      .v-partially_correct{background:#f9a825;fill:#f9a825}
      .v-incorrect{background:#c62828;fill:#c62828}
      .v-unanswered{background:#757575;fill:#757575}
      .v-needs_review{background:#6a1b9a;fill:#6a1b9a}
      table{border-collapse:collapse;margin:.6em 0}
      td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
      td.num,th.num{text-align:right}
      .points{color:#333;font-weight:600}
      .explanation{color:#333}
      .stale{color:#a00}
      svg.chart text{font-size:12px;fill:#222}
      footer{color:#777;font-size:.9em;margin-top:2em}
      pre{background:#f6f6f6;padding:.5em;overflow:auto}
      """;

  /** The head and the body's opening, with the assets at {@code assets} (relative, ends in /). */
  static void open(StringBuilder sb, String title, String assets) {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.esc(title))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n<script>\n")
        .append("window.MathJax = {\n")
        .append("  tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']],")
        .append(" displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']],\n")
        .append("    packages: {'[-]': ['html']},")
        .append(" macros: {href: ['{#2}', 2], url: ['{\\\\text{#1}}', 1]}},\n")
        .append("  options: {ignoreHtmlClass: 'mj-ignore', processHtmlClass: 'math',")
        .append(" enableMenu: false},\n")
        .append("  loader: {load: []}\n};\n</script>\n")
        .append("<script defer src=\"")
        .append(assets)
        .append(Assets.MATHJAX_SCRIPT)
        .append("\"></script>\n</head>\n<body class=\"mj-ignore\">\n");
  }

  static void close(StringBuilder sb, String footer) {
    sb.append("<footer>").append(Html.esc(footer)).append("</footer>\n</body>\n</html>\n");
  }
}
