/**
 * The free-text grader: matches an answer key's points against a response's sentences and clauses
 * with several offline signals (sentence embeddings from the bundled all-MiniLM-L6-v2 model,
 * stemmed word coverage, symbols and numbers, contradiction cues, accept and reject phrases), turns
 * them into calibrated probabilities with a small shipped model, and gives a verdict only when it
 * is sure enough; otherwise {@code needs_review}.
 */
package dev.hwgrade.grade.text;
