package org.epicommand.tracing;

/** A venue is ACTIVE, or RETIRED: kept with its scans, refusing new ones, out of the default lists. */
public enum VenueState { ACTIVE, RETIRED }
