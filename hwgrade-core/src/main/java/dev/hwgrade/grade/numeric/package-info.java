/**
 * The numeric grader: reads the final quantity of a response ({@link
 * dev.hwgrade.grade.numeric.AnswerPicker}), converts it to the key's unit, decides correct /
 * partially correct / incorrect by tolerance and partial factor ({@link
 * dev.hwgrade.grade.numeric.Tiers}), and for every miss explains the discrepancy as a hypothesis
 * ({@link dev.hwgrade.grade.numeric.DiscrepancyExplainer}).
 */
package dev.hwgrade.grade.numeric;
