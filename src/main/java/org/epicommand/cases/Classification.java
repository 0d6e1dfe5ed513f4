package org.epicommand.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * A case's classification (docs/domain.md §4). Moves: SUSPECTED → CONFIRMED | ASYMPTOMATIC | EXCLUDED;
 * ASYMPTOMATIC → CONFIRMED (无症状转确诊, counted apart in bulletins); EXCLUDED → CONFIRMED |
 * ASYMPTOMATIC only with a positive test recorded after the exclusion (checked by the registry).
 */
public enum Classification {
  SUSPECTED, CONFIRMED, ASYMPTOMATIC, EXCLUDED;

  public Set<Classification> moves() {
    return switch (this) {
      case SUSPECTED -> EnumSet.of(CONFIRMED, ASYMPTOMATIC, EXCLUDED);
      case ASYMPTOMATIC -> EnumSet.of(CONFIRMED);
      case EXCLUDED -> EnumSet.of(CONFIRMED, ASYMPTOMATIC);
      case CONFIRMED -> EnumSet.noneOf(Classification.class);
    };
  }

  public boolean canMoveTo(Classification target) {
    return moves().contains(target);
  }

  /** Asymptomatic → confirmed: a conversion, which bulletins count separately from new confirmed cases. */
  public boolean isConversionTo(Classification target) {
    return this == ASYMPTOMATIC && target == CONFIRMED;
  }

  /** An infection (confirmed or asymptomatic), as opposed to a suspicion or an exclusion. */
  public boolean isInfection() {
    return this == CONFIRMED || this == ASYMPTOMATIC;
  }
}
