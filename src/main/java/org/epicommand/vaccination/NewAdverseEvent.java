package org.epicommand.vaccination;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An adverse event following a dose: when it began, the symptoms, how severe, how it turned out so far. */
public record NewAdverseEvent(UUID doseId, OffsetDateTime onsetAt, String symptoms, AefiSeverity severity,
    AefiOutcome outcome) {}
