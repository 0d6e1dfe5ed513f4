package org.epicommand.enterprise;

/** An organisation's application was approved: it works (or the school cohort, the venue opens) again. */
public record OrganisationResumed(String organisationId, String creditCode, String applicationId,
    ApplicationKind kind, String cohort) {}
