package org.epicommand.movement;

/** What the arrival rule made of a registration. */
public enum ArrivalOutcome {
  /** The rule set manages the reason: a quarantine order is open (or was already open). */
  ORDER_OPENED,
  /** The rule set has no rule for the level of origin (e.g. LOW under the 20 measures): registered only. */
  NO_RULE,
  /** Neither from a risk area nor from abroad: registered only. */
  NO_RISK,
  /**
   * Registered by staff with the document of a person who lives outside their jurisdiction: the person is
   * neither named to them nor put under control by them; the arrival goes to the person's own jurisdiction.
   */
  REFERRED,
  /**
   * A resident's own registration under a registered document with another name: nobody is put under
   * control; the community verifies who it is (the public answer is the one the rule calls for).
   */
  UNVERIFIED
}
