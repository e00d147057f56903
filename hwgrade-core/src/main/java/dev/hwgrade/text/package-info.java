/**
 * Plain-text helpers shared by the graders and the extractors: splitting prose into sentences and
 * sentences into clauses, so that a key point can be matched against the one place in an answer
 * that makes it.
 */
package dev.hwgrade.text;
