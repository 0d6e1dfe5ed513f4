package org.epicommand.quarantine;

/** The life of a quarantine order. */
public enum OrderState {
  /** The first phase is centralized and the person has not checked in at a site yet. */
  PENDING_TRANSFER,
  ACTIVE,
  RELEASED,
  BECAME_CASE,
  TRANSFERRED_OUT;

  public boolean open() {
    return this == PENDING_TRANSFER || this == ACTIVE;
  }
}
