package dev.hwgrade.grade;

import dev.hwgrade.model.Answer;
import dev.hwgrade.model.Grade;
import dev.hwgrade.model.Part;

/** A part, the model's answer to it (null when it gave none) and the grade. */
public record PartResult(Part part, Answer answer, Grade grade) {}
