/**
 * Benchmarks that measure hwgrade's graders on generated answer pairs, printed for a person and
 * returning an exit code that says whether the throughput target was met.
 */
package dev.hwgrade.bench;
