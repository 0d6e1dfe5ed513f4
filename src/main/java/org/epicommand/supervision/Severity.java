package org.epicommand.supervision;

/** How serious a problem is. */
public enum Severity {
  MINOR, MAJOR, CRITICAL
}
