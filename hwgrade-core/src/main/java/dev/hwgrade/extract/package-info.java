/**
 * Extraction: turns a model's raw text into answers per part. Knows text and markers, nothing about
 * answer keys.
 *
 * <ul>
 *   <li>{@link dev.hwgrade.extract.TranscriptSplitter} splits a whole-assignment chat transcript
 *       ({@code responses/<model-id>.md}) into one {@link dev.hwgrade.model.Answer} per part, by
 *       the markers models write ({@code ## Problem 2}, {@code **(a)**}, {@code ### 2(b)}, {@code
 *       Part (c):}, {@code 2(a)(i)}, {@code 2.a.i}, {@code (iii)} …), with located {@link
 *       dev.hwgrade.extract.TranscriptWarning}s for markers that name no part.
 *   <li>{@link dev.hwgrade.extract.FinalAnswerExtractor} finds the final answer in one part's text,
 *       for every path ({@code grade}, {@code verify}, {@code bench math}), with the other
 *       different final answers the text states and does not withdraw ({@code Withdrawals}).
 *   <li>{@link dev.hwgrade.extract.Candidates} reads what one final statement commits to: several
 *       candidates ("B or C"), denied values ("not X"), remarks that are not the answer.
 *   <li>{@link dev.hwgrade.extract.MathAnswer} reads the mathematics of a final statement or key.
 *   <li>{@link dev.hwgrade.extract.HiddenText} removes what a reader of the rendered Markdown
 *       cannot see (HTML comments, collapsed details, Unicode format characters).
 *   <li>{@link dev.hwgrade.extract.NonAnswers} recognises text that only says the model does not
 *       know, and hedges and refusals in any wording.
 * </ul>
 *
 * <p>Everything here reads untrusted text: the work is linear in the input, with no regular
 * expression that can backtrack without bound, and the only exception for what a text contains is
 * {@link dev.hwgrade.extract.TranscriptTooLargeException}.
 *
 * <p>The package-private classes are the splitter's stages: {@code TranscriptLines} (lines and
 * offsets), {@code LiteralBlocks} (code and display math, where nothing is a marker), {@code
 * SummaryBlocks} and {@code SummaryTables} ("### Final Answers" lists and tables), {@code
 * MarkerParser} and {@code TitleMarkers} (what a line's marker says), {@code PartPaths} (which ids
 * exist), {@code MarkerResolver} (which markers start which part's section), {@code InlineMarkers}
 * ({@code (i) TRUE (ii) FALSE}), {@code Sections} (the text of each section), {@code
 * SummaryAnswers} (what the lists of final answers change) and {@code AnswerCleaner} (a final
 * answer as a grader reads it).
 */
package dev.hwgrade.extract;
