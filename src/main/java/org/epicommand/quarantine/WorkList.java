package org.epicommand.quarantine;

/** The work lists of the quarantine desk (issue #7 item 8). */
public enum WorkList {
  /** Scheduled tests falling today. */
  TESTS_DUE_TODAY,
  /** Open orders whose planned end is today or past: release to decide. */
  RELEASES_DUE,
  /** Unresolved missed-check alerts. */
  MISSED_CHECKS,
  /** Every unresolved alert. */
  OPEN_ALERTS,
  /** Orders whose person still waits for transfer to a site. */
  AWAITING_TRANSFER
}
