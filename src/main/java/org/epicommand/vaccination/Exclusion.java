package org.epicommand.vaccination;

import java.time.Instant;
import java.time.LocalDate;

/** A stored exclusion with who recorded and who lifted it. */
public record Exclusion(String id, String personId, ExclusionKind kind, String reason, String evidence,
    LocalDate validUntil, LocalDate reviewOn, ExclusionState state, String recordedBy, Instant recordedAt,
    String liftedBy, Instant liftedAt) {}
