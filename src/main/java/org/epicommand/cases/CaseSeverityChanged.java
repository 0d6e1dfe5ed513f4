package org.epicommand.cases;

import java.time.OffsetDateTime;

/**
 * A case's clinical type changed ({@code from} is null the first time). Severe and critical cases
 * need a named expert team ({@link Severity#needsExpertTeam()}); the treatment module starts its
 * clock on this event.
 */
public record CaseSeverityChanged(String caseId, String jurisdictionCode, Severity from, Severity to,
    OffsetDateTime at) {}
