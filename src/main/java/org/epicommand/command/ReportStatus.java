package org.epicommand.command;

/**
 * A unit's daily report for one day: filed on time with figures, filed on time as a zero report,
 * filed after the deadline (whatever it holds: never SUBMITTED), or not filed.
 */
public enum ReportStatus {
  SUBMITTED, ZERO, LATE, MISSING
}
