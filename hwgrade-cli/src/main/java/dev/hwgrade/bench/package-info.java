/**
 * Benchmarks that measure hwgrade's graders on labelled or generated data: accuracy, throughput and
 * latency, printed for a person.
 */
package dev.hwgrade.bench;
