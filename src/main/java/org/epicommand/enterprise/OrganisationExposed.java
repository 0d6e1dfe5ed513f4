package org.epicommand.enterprise;

/** A case or contact was found on an organisation's staff ledger ({@code source}: CASE or CONTACT). */
public record OrganisationExposed(String organisationId, String creditCode, String source, String sourceId) {}
