package dev.hwgrade.grade.numeric;

/**
 * A possible cause of a numeric miss.
 *
 * @param text the cause, worded as a hypothesis ("consistent with …")
 * @param misfit how far the observed ratio is from the one the cause predicts, as |ln(observed /
 *     predicted)| plus a small penalty for generic causes; lower is better
 * @param factor the ratio the cause predicts (0 when it is not a simple factor)
 */
record Hypothesis(String text, double misfit, double factor) {}
