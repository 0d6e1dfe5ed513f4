package org.epicommand.sentinel;

/** A pharmacy's status: open, restricted, its sales suspended, closed (no registrations in the last two). */
public enum PharmacyStatus {
  OPEN, RESTRICTED, SALES_SUSPENDED, CLOSED;

  public boolean sells() {
    return this == OPEN || this == RESTRICTED;
  }
}
