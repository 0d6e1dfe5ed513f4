package org.epicommand.quarantine;

/** Whether a site takes people: ACTIVE, or RETIRED (kept with its history, refuses new check-ins and rooms). */
public enum SiteStatus { ACTIVE, RETIRED }
