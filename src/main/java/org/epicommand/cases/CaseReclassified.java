package org.epicommand.cases;

import java.time.OffsetDateTime;

/**
 * A case changed classification. {@code conversion}: asymptomatic → confirmed (无症状转确诊), which
 * bulletins count apart from new confirmed cases.
 */
public record CaseReclassified(String caseId, String personId, String jurisdictionCode, Classification from,
    Classification to, String reason, OffsetDateTime at, boolean conversion) {}
