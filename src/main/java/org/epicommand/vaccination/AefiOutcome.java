package org.epicommand.vaccination;

/** How an adverse event turned out (so far). */
public enum AefiOutcome { RECOVERING, RECOVERED, RECOVERED_WITH_SEQUELAE, NOT_RECOVERED, DIED, UNKNOWN }
