/**
 * Grading: the {@link dev.hwgrade.grade.Grader} interface, the {@link
 * dev.hwgrade.grade.GraderRegistry} that finds a grader by kind, and the thread-safe {@link
 * dev.hwgrade.grade.GradingEngine} that runs them with a time limit and checks what they return,
 * each answer first through {@link dev.hwgrade.grade.AnswerPolicy} (what counts as the answer:
 * hidden text, refusals, denials, several candidates). Each grader lives in its own sub-package.
 */
package dev.hwgrade.grade;
