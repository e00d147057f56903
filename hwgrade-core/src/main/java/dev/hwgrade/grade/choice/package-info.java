/**
 * The choice grader: multiple-choice answers given as a letter, {@code (B)}, or the option's text.
 */
package dev.hwgrade.grade.choice;
