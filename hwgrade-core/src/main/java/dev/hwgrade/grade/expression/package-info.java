/**
 * The expression grader: decides whether a model's final answer means the same as the key's, for
 * numbers in any notation, expressions, equations, inequalities, intervals, sets, tuples, matrices
 * (with non-commuting symbols checked on random matrices) and Big-O. It decides by structure, then
 * exact arithmetic and polynomial expansion, then evaluation at random points, and asks Symja,
 * under a time limit, only where those cannot decide.
 */
package dev.hwgrade.grade.expression;
