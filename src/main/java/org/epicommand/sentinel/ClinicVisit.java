package org.epicommand.sentinel;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A register entry: the patient, when, findings, the tube, the disposition and the result once it landed. */
public record ClinicVisit(String id, String clinicCode, String personId, String patientName, OffsetDateTime visitedAt,
    BigDecimal temperature, String symptoms, String epiHistory, String tubeBarcode, Disposition disposition,
    String result) {}
