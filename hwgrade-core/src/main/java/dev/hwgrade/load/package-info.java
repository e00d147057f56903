/**
 * Loading: reads an assignment folder ({@code assignment.yaml} and {@code responses/}) into the
 * immutable model, collecting every problem of every file, each located as {@code file:line:col},
 * before failing. Knows YAML and transcripts, nothing about grading.
 */
package dev.hwgrade.load;
