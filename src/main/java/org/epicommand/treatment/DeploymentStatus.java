package org.epicommand.treatment;

/** PLANNED → DEPLOYED (arrived) → RETURNED; PLANNED → CANCELLED. */
public enum DeploymentStatus {
  PLANNED, DEPLOYED, RETURNED, CANCELLED
}
