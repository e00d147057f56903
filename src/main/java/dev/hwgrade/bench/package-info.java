/** Benchmarks that measure hwgrade's graders on labelled data: accuracy, throughput and latency. */
package dev.hwgrade.bench;
