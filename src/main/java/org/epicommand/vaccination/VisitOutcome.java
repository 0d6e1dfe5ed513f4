package org.epicommand.vaccination;

/**
 * What a visit found, and what it does to the item: not reached (revisit within days), an appointment
 * (date, site), a home visit requested, a temporary contraindication (until a date) — these keep the item
 * open — or vaccinated elsewhere, a permanent contraindication, a refusal (with its reason), moved away,
 * deceased, which close it (销号).
 */
public enum VisitOutcome {
  NOT_REACHED(null), APPOINTMENT(null), HOME_SERVICE_REQUESTED(null), TEMPORARY_CONTRAINDICATION(null),
  VACCINATED_ELSEWHERE(ClosedReason.VACCINATED_ELSEWHERE),
  PERMANENT_CONTRAINDICATION(ClosedReason.CONTRAINDICATION), REFUSED(ClosedReason.REFUSED),
  MOVED_AWAY(ClosedReason.MOVED_AWAY), DECEASED(ClosedReason.DECEASED);

  private final ClosedReason closes;

  VisitOutcome(ClosedReason closes) {
    this.closes = closes;
  }

  /** The reason the item is closed with, or null when the item stays open. */
  public ClosedReason closes() {
    return closes;
  }
}
