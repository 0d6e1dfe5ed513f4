package org.epicommand.cases;

/** A nucleic-acid result recorded on a case (docs/domain.md §7). */
public enum TestResult {
  NEGATIVE, POSITIVE, INVALID
}
