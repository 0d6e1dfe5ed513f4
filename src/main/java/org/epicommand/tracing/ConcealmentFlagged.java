package org.epicommand.tracing;

import java.time.Instant;
import java.util.UUID;

/**
 * An investigation found that the case's person concealed something ({@code concealed}: TRAVEL, SYMPTOMS, CONTACT,
 * RESULT or IDENTITY), with what shows it; the tip-off office takes it on as a concealment case. {@code flagId}
 * names the report, once per investigation and kind.
 */
public record ConcealmentFlagged(UUID flagId, UUID investigationId, UUID caseId, UUID personId,
    ConcealmentFlags.Concealed concealed, String evidence, String jurisdictionCode, Instant flaggedAt,
    String flaggedBy) {}
