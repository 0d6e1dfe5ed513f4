package org.epicommand.enterprise;

/**
 * A resumption application: {@code DRAFT → SUBMITTED → MATERIAL_REVIEW → SITE_INSPECTION → APPROVED |
 * REJECTED}; {@code REJECTED → DRAFT} (resubmit); {@code APPROVED → SUSPENDED → SITE_INSPECTION}
 * (re-inspection). Any other move is a 409 naming the current state.
 */
public enum ApplicationState {
  DRAFT, SUBMITTED, MATERIAL_REVIEW, SITE_INSPECTION, APPROVED, REJECTED, SUSPENDED;

  /** Whether the application's material (documents, sign-offs) can still change. */
  public boolean open() {
    return this == DRAFT || this == SUBMITTED || this == MATERIAL_REVIEW || this == SITE_INSPECTION;
  }
}
