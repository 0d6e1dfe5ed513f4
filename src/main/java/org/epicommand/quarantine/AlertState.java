package org.epicommand.quarantine;

/** OPEN → ACKNOWLEDGED → RESOLVED (resolving needs a note; an open alert may be resolved at once). */
public enum AlertState { OPEN, ACKNOWLEDGED, RESOLVED }
