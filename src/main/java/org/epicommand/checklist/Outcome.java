package org.epicommand.checklist;

/** An item's result: met, not met, or not applicable here. */
public enum Outcome {
  PASS, FAIL, NA
}
