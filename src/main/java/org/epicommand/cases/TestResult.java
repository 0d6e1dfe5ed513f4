package org.epicommand.cases;

/** A nucleic-acid result recorded on a case (DOMAIN.md §7). */
public enum TestResult {
  NEGATIVE, POSITIVE, INVALID
}
