package org.epicommand.tracing;

import java.time.LocalDate;

/** A contact of a case was named by an investigation. */
public record ContactIdentified(String contactId, String caseId, String personId, String jurisdictionCode,
    ContactCategory category, LocalDate lastExposureDate) {}
