package org.epicommand.cases;

import java.time.LocalDate;

/**
 * What other modules (the transmission chains) need of a case: no identity document, not audited
 * as a full read. {@code jurisdictionPath} lets them apply {@code JurisdictionScope} to their copies.
 */
public record CaseNode(String caseId, String personId, String label, Classification classification,
    LocalDate onsetDate, LocalDate reportDate, String jurisdictionCode, String jurisdictionPath, String householdId) {}
