package org.epicommand.tracing;

import java.util.Set;

/**
 * Tracking of a contact (转归/管控, docs/domain.md §5): IDENTIFIED → LOCATED → UNDER_CONTROL, or
 * NOT_FOUND, TRANSFERRED_OUT (to another city or province), EXCLUDED. A contact put under control
 * straight away (its quarantine order opened) may skip LOCATED; one not found may be located later.
 */
public enum TrackingState {
  IDENTIFIED, LOCATED, UNDER_CONTROL, NOT_FOUND, TRANSFERRED_OUT, EXCLUDED;

  public boolean canMoveTo(TrackingState target) {
    return switch (this) {
      case IDENTIFIED -> target != IDENTIFIED;
      case LOCATED -> Set.of(UNDER_CONTROL, TRANSFERRED_OUT, EXCLUDED).contains(target);
      case NOT_FOUND -> Set.of(LOCATED, UNDER_CONTROL, TRANSFERRED_OUT, EXCLUDED).contains(target);
      case UNDER_CONTROL, TRANSFERRED_OUT, EXCLUDED -> false;
    };
  }
}
