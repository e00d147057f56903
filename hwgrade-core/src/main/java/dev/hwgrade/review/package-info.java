/**
 * A person's verdicts on parts the graders left to review: the reviews file stored with the
 * assignment ({@code reviews/<model-id>.yaml}), applying it to a model's grades, settling a part,
 * and listing the parts that still wait. Used by {@code grade}, {@code settle} and {@code pending},
 * and usable as a library.
 */
package dev.hwgrade.review;
