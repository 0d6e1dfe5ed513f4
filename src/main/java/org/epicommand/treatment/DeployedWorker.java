package org.epicommand.treatment;

import java.time.OffsetDateTime;

/** A named frontline worker of a deployment: a person of the registry and their role (a staff kind). */
public record DeployedWorker(String deploymentId, String personId, String name, StaffKind role,
    OffsetDateTime addedAt) {

  /** Naming a worker: the person (picked from the registry) and the role. */
  public record New(String personId, String role) {}
}
