package org.epicommand.tracing;

import java.time.OffsetDateTime;

/** An infector → infectee link between two cases, in the chain it belongs to. */
public record TransmissionLink(String id, String infectorCaseId, String infecteeCaseId, TransmissionSetting setting,
    String chainId, OffsetDateTime createdAt) {}
