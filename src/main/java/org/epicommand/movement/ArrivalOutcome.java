package org.epicommand.movement;

/** What the arrival rule made of a registration. */
public enum ArrivalOutcome {
  /** The rule set manages the reason: a quarantine order is open (or was already open). */
  ORDER_OPENED,
  /** The rule set has no rule for the level of origin (e.g. LOW under the 20 measures): registered only. */
  NO_RULE,
  /** Neither from a risk area nor from abroad: registered only. */
  NO_RISK
}
