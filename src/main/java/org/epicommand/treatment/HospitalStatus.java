package org.epicommand.treatment;

/**
 * Where a hospital stands: STANDBY → ACTIVATING → ACTIVE → STOOD_DOWN, and from STOOD_DOWN back to
 * ACTIVATING (activated again). Admissions only while ACTIVE.
 */
public enum HospitalStatus {
  STANDBY, ACTIVATING, ACTIVE, STOOD_DOWN;

  /** The next step towards ACTIVE; null when ACTIVE already. */
  public HospitalStatus activated() {
    return switch (this) {
      case STANDBY, STOOD_DOWN -> ACTIVATING;
      case ACTIVATING -> ACTIVE;
      case ACTIVE -> null;
    };
  }

  /** Standing down: from ACTIVATING or ACTIVE; null otherwise. */
  public HospitalStatus stoodDown() {
    return this == ACTIVATING || this == ACTIVE ? STOOD_DOWN : null;
  }
}
