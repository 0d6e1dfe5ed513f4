package org.epicommand.keygroup;

/** A plan to define: site kind, every how many days, samples a visit (default 1), division, note. */
public record NewEnvPlan(SiteKind siteKind, Integer everyDays, Integer samplesPerVisit, String jurisdictionCode,
    String note) {}
