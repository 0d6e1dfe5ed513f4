package org.epicommand.keygroup;

/** Where a site stands in its plan: never visited in full, overdue (the due day has ended), due today, up to date. */
public enum SiteDueState {
  NEVER_SAMPLED, OVERDUE, DUE_TODAY, UP_TO_DATE
}
