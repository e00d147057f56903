package dev.hwgrade.grade.text.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwgrade.model.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionFoldsTest {
  private static List<AsagExample> rows(int questions, int answers) {
    List<AsagExample> out = new ArrayList<>();
    for (int q = 0; q < questions; q++) {
      for (int a = 0; a < answers; a++) {
        // two references for one question text, as Beetle has: still one question
        out.add(
            new AsagExample(
                "question " + q, "reference " + (a % 2), "answer " + a, Verdict.CORRECT, true));
      }
    }
    return out;
  }

  @Test
  void everyAnswerToOneQuestionFallsInOneFold() {
    List<AsagExample> r = rows(12, 6);
    List<String> ds = new ArrayList<>();
    r.forEach(x -> ds.add("a.jsonl"));
    int[] fold = QuestionFolds.assign(r, ds, 5, 1);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      Integer before = seen.putIfAbsent(r.get(i).question(), fold[i]);
      assertThat(before == null || before == fold[i]).isTrue();
    }
    assertThat(QuestionFolds.count(fold)).isEqualTo(5);
    assertThat(QuestionFolds.questions(r, ds)).isEqualTo(12);
    assertThat(QuestionFolds.assign(r, ds, 5, 1)).isEqualTo(fold);
  }

  @Test
  void theSameQuestionTextInTwoDatasetsIsTwoQuestions() {
    List<AsagExample> r = rows(1, 4);
    List<String> ds = List.of("a", "a", "b", "b");
    assertThat(QuestionFolds.questions(r, ds)).isEqualTo(2);
  }
}
