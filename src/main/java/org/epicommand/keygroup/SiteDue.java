package org.epicommand.keygroup;

import java.time.LocalDate;

/**
 * A site of a plan with its last full visit (a day with at least the plan's samples a visit), the samples then,
 * the day the next visit is due and its state.
 */
public record SiteDue(String siteId, String siteName, String jurisdictionCode, LocalDate lastVisit,
    int lastVisitSamples, LocalDate nextDue, SiteDueState state) {}
