package org.epicommand.vaccination;

/**
 * A documented reason not to vaccinate a person (now): a temporary contraindication (until a date), a
 * permanent one (certified), a refusal (with its reason), bedridden (needs a home visit), lives
 * elsewhere, deceased. All but the first two kinds that keep the item open close it (销号).
 */
public enum ExclusionKind {
  TEMPORARY_CONTRAINDICATION(null, TargetState.DEFERRED),
  PERMANENT_CONTRAINDICATION(ClosedReason.CONTRAINDICATION, TargetState.CLOSED),
  REFUSAL(ClosedReason.REFUSED, TargetState.CLOSED),
  BEDRIDDEN_HOME_SERVICE(null, TargetState.HOME_SERVICE),
  LIVES_ELSEWHERE(ClosedReason.MOVED_AWAY, TargetState.CLOSED),
  DECEASED(ClosedReason.DECEASED, TargetState.CLOSED);

  private final ClosedReason closes;
  private final TargetState itemState;

  ExclusionKind(ClosedReason closes, TargetState itemState) {
    this.closes = closes;
    this.itemState = itemState;
  }

  /** The reason a door-to-door item is closed with (null: it stays open in {@link #itemState()}). */
  public ClosedReason closes() {
    return closes;
  }

  /** What a door-to-door item of the person becomes. */
  public TargetState itemState() {
    return itemState;
  }
}
