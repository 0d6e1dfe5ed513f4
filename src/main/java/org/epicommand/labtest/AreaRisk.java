package org.epicommand.labtest;

/**
 * The risk level of a campaign's area as far as pooling goes (docs/domain.md §7, pool size by area risk):
 * low 10:1, medium 5:1, high and key groups 1:1. Given by the commander: the movement module's risk
 * areas cannot be read from here (movement depends on labtest through cases and quarantine).
 */
public enum AreaRisk {
  LOW(TubeKind.POOL_10), MEDIUM(TubeKind.POOL_5), HIGH(TubeKind.SINGLE), KEY_GROUP(TubeKind.SINGLE);

  private final TubeKind tubeKind;

  AreaRisk(TubeKind tubeKind) {
    this.tubeKind = tubeKind;
  }

  /** The tube kind the protocol gives this level when positivity allows pooling at all. */
  public TubeKind tubeKind() {
    return tubeKind;
  }
}
