package org.epicommand.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case's clinical course stands (docs/domain.md §4); none yet = awaiting admission. Moves:
 * (none) → DESIGNATED_HOSPITAL | SHELTER_HOSPITAL | DIED; between the two hospitals; either →
 * DISCHARGED (only under the discharge rule) | DIED. A positive test after discharge (复阳) puts the
 * same case back to awaiting admission.
 */
public enum CaseOutcome {
  DESIGNATED_HOSPITAL, SHELTER_HOSPITAL, DISCHARGED, DIED;

  /** In a hospital (designated or shelter): moving to another hospital of the same kind is a transfer. */
  public boolean inHospital() {
    return this == DESIGNATED_HOSPITAL || this == SHELTER_HOSPITAL;
  }

  /** The moves from {@code current} ({@code null}: not admitted yet). */
  public static Set<CaseOutcome> movesFrom(CaseOutcome current) {
    if (current == null) {
      return EnumSet.of(DESIGNATED_HOSPITAL, SHELTER_HOSPITAL, DIED);
    }
    return switch (current) {
      case DESIGNATED_HOSPITAL -> EnumSet.of(SHELTER_HOSPITAL, DISCHARGED, DIED);
      case SHELTER_HOSPITAL -> EnumSet.of(DESIGNATED_HOSPITAL, DISCHARGED, DIED);
      case DISCHARGED, DIED -> EnumSet.noneOf(CaseOutcome.class);
    };
  }
}
