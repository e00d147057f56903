/**
 * Benchmarks that measure a grader against labelled data: agreement with human verdicts in
 * decide mode, and the share and accuracy of automatic verdicts in the default mode.
 */
package dev.hwgrade.bench;
