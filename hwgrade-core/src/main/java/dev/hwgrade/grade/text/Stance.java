package dev.hwgrade.grade.text;

/**
 * How a passage of an answer stands to what it says. Only an asserted passage can make a key point;
 * the others are set aside, and a denied one that matches a point contradicts it.
 */
enum Stance {
  ASSERTED("states it"),
  DENIED("says it is not so"),
  QUESTIONED("asks it as a question"),
  REPORTED("reports what others say without stating it"),
  HEDGED("hedges between alternatives"),
  RESTATED("restates the question"),
  INCOHERENT("is not a sentence");

  private final String label;

  Stance(String label) {
    this.label = label;
  }

  /** Words for a reader: "says it is not so". */
  String label() {
    return label;
  }
}
