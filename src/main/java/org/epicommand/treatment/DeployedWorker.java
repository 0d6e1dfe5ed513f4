package org.epicommand.treatment;

import java.time.OffsetDateTime;

/**
 * A named frontline worker of a deployment: a person of the registry and their role (a staff kind); {@code endedAt}
 * when they were taken off it (the record stays, they no longer count against the headcount).
 */
public record DeployedWorker(String deploymentId, String personId, String name, StaffKind role,
    OffsetDateTime addedAt, OffsetDateTime endedAt) {

  /** Still on the deployment. */
  public boolean open() {
    return endedAt == null;
  }

  /** Naming a worker: the person (picked from the registry) and the role. */
  public record New(String personId, String role) {}
}
