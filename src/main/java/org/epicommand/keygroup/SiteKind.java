package org.epicommand.keygroup;

/** What an environmental monitoring site is. */
public enum SiteKind {
  COLD_STORE, MARKET, PORT_BERTH, QUARANTINE_SITE, HOSPITAL, SCHOOL_CANTEEN, WASTEWATER, OTHER
}
