package org.epicommand.keygroup;

/**
 * An environment plan: the sites of one kind inside a division are sampled every {@code everyDays} days, with
 * {@code samplesPerVisit} samples a visit.
 */
public record EnvPlan(String id, SiteKind siteKind, int everyDays, int samplesPerVisit, String jurisdictionCode,
    String jurisdictionName, String note, boolean retired) {}
