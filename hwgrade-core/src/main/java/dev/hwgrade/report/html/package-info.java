/**
 * The HTML reports: {@code report.html} per model and {@code index.html} per assignment, offline,
 * with math typeset by MathJax from assets copied beside them. They only format what {@code
 * analyze} produced.
 */
package dev.hwgrade.report.html;
