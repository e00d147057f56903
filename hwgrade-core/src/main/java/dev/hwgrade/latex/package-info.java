/**
 * Reading mathematics as models and answer keys write it: normalising LaTeX and plain-text notation
 * ({@link dev.hwgrade.latex.LatexCleaner}) and parsing it into a small tree ({@link
 * dev.hwgrade.latex.MathParser}, {@link dev.hwgrade.latex.MathNode}). Every step has size and depth
 * limits and fails only with {@link dev.hwgrade.latex.MathSyntaxException}.
 */
package dev.hwgrade.latex;
