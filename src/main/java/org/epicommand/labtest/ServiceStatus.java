package org.epicommand.labtest;

/** Whether a sampling site or lab takes new work: ACTIVE, or RETIRED (kept with its history, refuses new work). */
public enum ServiceStatus { ACTIVE, RETIRED }
