/**
 * Reproducible training of the text grader's calibrated model from labelled short-answer data (the
 * ASAG JSON-lines format): feature extraction, fitting, and writing the model file that ships as a
 * resource.
 */
package dev.hwgrade.grade.text.train;
