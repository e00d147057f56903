/**
 * Analysis: turns one model's grades into plain data — totals, per-problem and per-category
 * tallies, an error analysis entry for every part not correct, findings and a conclusion. No
 * formatting happens here; the report renderers only format what this package computes.
 */
package dev.hwgrade.analyze;
