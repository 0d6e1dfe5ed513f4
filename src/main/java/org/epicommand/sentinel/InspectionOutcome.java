package org.epicommand.sentinel;

/** What an inspection of a pharmacy found: nothing to object to, or a violation (such as unregistered sales). */
public enum InspectionOutcome {
  COMPLIANT, VIOLATION_FOUND
}
