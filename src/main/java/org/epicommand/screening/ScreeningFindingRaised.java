package org.epicommand.screening;

import java.time.Instant;
import java.util.UUID;

/**
 * A door-to-door visit found something abnormal: the finding, the registered person (null for a
 * resident the visit could not register), its category and the person's division, with the name and
 * address as the visit recorded them and when it was raised. Fever and symptoms go to the fever clinics
 * (a FEVER or SYMPTOMS finding becomes a patient expected at a fever clinic, sentinel.md), case contacts to the CDC's
 * verification queue.
 */
public record ScreeningFindingRaised(UUID findingId, UUID personId, Finding.Category category,
    String jurisdictionCode, String personName, String address, Instant raisedAt) {}
