package org.epicommand.quarantine;

/**
 * Where a site stands. Its readiness moves {@code STANDBY → ACTIVATING → ACTIVE ⇄ SUSPENDED → CLOSED}; only
 * an ACTIVE site takes people. RETIRED is the master-data lifecycle beside it: a retired site is kept with
 * its history and refuses new check-ins, rooms and trips whatever its readiness was.
 */
public enum SiteStatus {
  STANDBY, ACTIVATING, ACTIVE, SUSPENDED, CLOSED, RETIRED;

  /** The readiness a new site may start in. */
  public boolean initial() {
    return this == STANDBY || this == ACTIVE;
  }
}
