package org.epicommand.treatment;

/**
 * Where a hospital stands: STANDBY → ACTIVATING → ACTIVE → STOOD_DOWN → STANDBY. A hospital stood down
 * (dismantled, cleaned) is put back on standby before it is activated again. Admissions only while ACTIVE.
 */
public enum HospitalStatus {
  STANDBY, ACTIVATING, ACTIVE, STOOD_DOWN;

  /** The next step towards ACTIVE (standby → activating → active); null when active or stood down. */
  public HospitalStatus activated() {
    return switch (this) {
      case STANDBY -> ACTIVATING;
      case ACTIVATING -> ACTIVE;
      case ACTIVE, STOOD_DOWN -> null;
    };
  }

  /** Standing down: from ACTIVATING or ACTIVE; null otherwise. */
  public HospitalStatus stoodDown() {
    return this == ACTIVATING || this == ACTIVE ? STOOD_DOWN : null;
  }

  /** Back on standby: from STOOD_DOWN; null otherwise. */
  public HospitalStatus backOnStandby() {
    return this == STOOD_DOWN ? STANDBY : null;
  }

  /** In reserve: standby or on its way to active — the beds the capacity gap counts as activatable. */
  public boolean reserve() {
    return this == STANDBY || this == ACTIVATING;
  }
}
