package org.epicommand.screening;

import java.util.UUID;

/**
 * A door-to-door visit found something abnormal: the finding, the registered person (null for a
 * resident the visit could not register), its category and the person's division. Fever and symptoms
 * go to the fever clinics, case contacts to the CDC's verification queue.
 */
public record ScreeningFindingRaised(UUID findingId, UUID personId, Finding.Category category,
    String jurisdictionCode) {}
