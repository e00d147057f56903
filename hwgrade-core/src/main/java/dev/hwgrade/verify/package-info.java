/**
 * Batch verification: JSON Lines in, one verdict line out per input line, in order, streaming with
 * bounded memory and all cores. Shares the grading engine with the report pipeline.
 */
package dev.hwgrade.verify;
