package org.epicommand.vaccination;

/** Whether a product, site or vaccinator takes new doses: ACTIVE, or RETIRED (kept with its history, refuses new
 * doses). */
public enum MasterStatus { ACTIVE, RETIRED }
