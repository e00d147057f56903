// MathJax typesets only the math spans of span.math that the pages mark; everything else a model
// wrote is escaped text. \href and \url show their text, and the html package (\class, \style…) is
// off, as in report.html.
window.MathJax = {
  tex: {
    inlineMath: [['$', '$'], ['\\(', '\\)']],
    displayMath: [['$$', '$$'], ['\\[', '\\]']],
    packages: {'[-]': ['html']},
    macros: {href: ['{#2}', 2], url: ['{\\text{#1}}', 1]}
  },
  options: {ignoreHtmlClass: 'mj-ignore', processHtmlClass: 'math', enableMenu: false},
  loader: {load: []}
};
