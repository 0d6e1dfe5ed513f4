package org.epicommand.enterprise;

/** An approved organisation was suspended (re-inspection follows). */
public record OrganisationSuspended(String organisationId, String creditCode, String applicationId, String reason) {}
