package org.epicommand.quarantine;

import java.util.Arrays;

/** Why a person is put under control (docs/api.md, Contract → Quarantine). */
public enum OrderReason {
  CLOSE_CONTACT(null),
  SECONDARY_CONTACT(null),
  HIGH_RISK_AREA_ARRIVAL(RiskLevel.HIGH),
  MEDIUM_RISK_AREA_ARRIVAL(RiskLevel.MEDIUM),
  LOW_RISK_AREA_ARRIVAL(RiskLevel.LOW),
  INBOUND_TRAVEL(null),
  /** A member of a pooled tube that tested positive: temporary control until the single-tube retest. */
  POSITIVE_POOL(null),
  OTHER(null);

  private final RiskLevel originLevel;

  OrderReason(RiskLevel originLevel) {
    this.originLevel = originLevel;
  }

  /** The level of the area of origin an arrival reason stands for; null for the other reasons. */
  public RiskLevel originLevel() {
    return originLevel;
  }

  /** The arrival reason for an arrival from an area of {@code level} (docs/domain.md §6 "Arrivals"). */
  public static OrderReason arrivalFrom(RiskLevel level) {
    return Arrays.stream(values()).filter(r -> r.originLevel == level).findFirst().orElseThrow();
  }
}
