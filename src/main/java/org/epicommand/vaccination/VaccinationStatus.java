package org.epicommand.vaccination;

/**
 * Where a person stands, from their number of doses and the primary course of their first product:
 * none, part of the course, the course complete, one booster, two boosters.
 */
public enum VaccinationStatus {
  UNVACCINATED, PARTIAL, PRIMARY_COMPLETE, BOOSTED, SECOND_BOOSTED;

  public static VaccinationStatus of(int doses, int primaryDoses) {
    if (doses <= 0) {
      return UNVACCINATED;
    }
    if (doses < primaryDoses) {
      return PARTIAL;
    }
    return doses == primaryDoses ? PRIMARY_COMPLETE : doses == primaryDoses + 1 ? BOOSTED : SECOND_BOOSTED;
  }

  /** Whether this status counts towards {@code measure} (a booster counts as a complete course too). */
  public boolean meets(CoverageMeasure measure) {
    return ordinal() >= measure.least().ordinal();
  }
}
