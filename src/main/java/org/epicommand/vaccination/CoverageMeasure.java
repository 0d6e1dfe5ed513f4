package org.epicommand.vaccination;

/** What coverage counts: at least one dose (首剂), the primary course complete (全程), a booster (加强). */
public enum CoverageMeasure {
  FIRST_DOSE(VaccinationStatus.PARTIAL), PRIMARY_COMPLETE(VaccinationStatus.PRIMARY_COMPLETE),
  BOOSTED(VaccinationStatus.BOOSTED);

  private final VaccinationStatus least;

  CoverageMeasure(VaccinationStatus least) {
    this.least = least;
  }

  /** The lowest status that counts. */
  public VaccinationStatus least() {
    return least;
  }
}
