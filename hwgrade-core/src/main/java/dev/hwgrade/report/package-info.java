/**
 * Reports: renderers that format an {@link dev.hwgrade.analyze.Analysis} as Markdown, JSON and CSV,
 * and write files atomically. Renderers compute no figures; they only format what the analysis
 * holds.
 */
package dev.hwgrade.report;
