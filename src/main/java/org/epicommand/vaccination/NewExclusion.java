package org.epicommand.vaccination;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An exclusion as recorded: {@code validUntil} is required for a temporary contraindication, {@code
 * reason} for a refusal, {@code evidence} for a permanent contraindication (the certificate); {@code
 * reviewOn} is when to look again.
 */
public record NewExclusion(UUID personId, ExclusionKind kind, String reason, String evidence, LocalDate validUntil,
    LocalDate reviewOn) {}
