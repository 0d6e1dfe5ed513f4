package org.epicommand.quarantine;

/** Where an order came from. */
public enum OrderSource {
  MANUAL,
  /** A close or secondary contact named by an investigation. */
  CONTACT,
  /** A member of a positive pooled tube. */
  POSITIVE_POOL,
  /** A returnee's or traveller's arrival registration. */
  ARRIVAL
}
