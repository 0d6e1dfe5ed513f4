package org.epicommand.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A case was reported (entered into the platform). {@code reportedElsewhere}: the case comes from a
 * line list of another system, which reported (and investigated) it directly.
 */
public record CaseReported(String caseId, String personId, String jurisdictionCode, Classification classification,
    LocalDate onsetDate, OffsetDateTime reportedAt, boolean imported, DiscoveryRoute discoveryRoute,
    boolean reportedElsewhere) {}
