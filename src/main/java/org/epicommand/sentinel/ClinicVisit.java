package org.epicommand.sentinel;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A register entry: the patient, when, findings, the tube (and when it was sampled), the report to the
 * township, the disposition, when 留观 ended and the result once it landed; the deadline it waits on, its
 * due time and whether it is past ({@code overdue}); no deadline once resulted or reported.
 */
public record ClinicVisit(String id, String clinicCode, String personId, String patientName, OffsetDateTime visitedAt,
    BigDecimal temperature, String symptoms, String epiHistory, String tubeBarcode, OffsetDateTime sampledAt,
    OffsetDateTime reportedAt, String reportedTo, Disposition disposition, OffsetDateTime observationEndedAt,
    String result, ClinicDeadline deadline, OffsetDateTime dueAt, boolean overdue) {}
