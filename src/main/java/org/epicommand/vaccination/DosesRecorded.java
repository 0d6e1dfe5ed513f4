package org.epicommand.vaccination;

import java.util.Map;
import java.util.UUID;

/**
 * Doses stored by one transaction (a site's dose, an import batch, a FHIR request): how many, and the
 * persons whose status changed, by their new status. One event per batch, not per dose.
 */
public record DosesRecorded(UUID submissionId, int doses, Map<VaccinationStatus, Integer> statusChanges) {}
