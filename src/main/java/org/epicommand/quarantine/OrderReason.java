package org.epicommand.quarantine;

/** Why a person is put under control (API.md, Contract → Quarantine). */
public enum OrderReason {
  CLOSE_CONTACT,
  SECONDARY_CONTACT,
  HIGH_RISK_AREA_ARRIVAL,
  MEDIUM_RISK_AREA_ARRIVAL,
  LOW_RISK_AREA_ARRIVAL,
  INBOUND_TRAVEL,
  /** A member of a pooled tube that tested positive: temporary control until the single-tube retest. */
  POSITIVE_POOL,
  OTHER
}
