package dev.hwgrade.web;

import dev.hwgrade.report.html.Html;

/** The frame of every page: the app's stylesheet and scripts, MathJax served by the app itself. */
final class Layout {
  /** MathJax's TeX-to-CHTML component, from the webjar on the class path. */
  static final String MATHJAX = "/webjars/mathjax/3.2.2/es5/tex-chtml.js";

  private Layout() {}

  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + Html.esc(title)
        + "</title>\n"
        + "<link rel=\"icon\" href=\"data:,\">\n"
        + "<link rel=\"stylesheet\" href=\"/static/review.css\">\n"
        + "<script src=\"/static/mathjax-config.js\"></script>\n"
        + "<script defer src=\""
        + MATHJAX
        + "\"></script>\n"
        + "<script defer src=\"/static/review.js\"></script>\n"
        + "</head>\n<body class=\"mj-ignore\">\n"
        + body
        + "</body>\n</html>\n";
  }

  /** A page that says why a request was not done, and where to go from here. */
  static String message(String title, String message, String backHref) {
    return page(
        title,
        "<h1>"
            + Html.esc(title)
            + "</h1>\n<p id=\"message\" class=\"refused\">"
            + Html.esc(message)
            + "</p>\n"
            + (backHref == null
                ? ""
                : "<p><a id=\"back\" href=\"" + Html.esc(backHref) + "\">Back</a></p>\n"));
  }

  static String badge(String verdictId) {
    return "<span class=\"badge v-"
        + Html.esc(verdictId)
        + "\">"
        + Html.esc(verdictId.replace('_', ' '))
        + "</span>";
  }
}
