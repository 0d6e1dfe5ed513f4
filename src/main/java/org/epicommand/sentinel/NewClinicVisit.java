package org.epicommand.sentinel;

import java.math.BigDecimal;
import java.time.Instant;
import org.epicommand.person.IdType;

/**
 * A patient's visit: the clinic (staff may leave it out), the patient's document, name and home
 * division, temperature, symptoms, 14-day travel and contact history, the tube sampled (its barcode,
 * required at a fever clinic), the disposition, and the time of a visit written on paper first (up to
 * 7 days back; now when left out).
 */
public record NewClinicVisit(String clinic, IdType idType, String idNumber, String name, String jurisdictionCode,
    BigDecimal temperature, String symptoms, String epiHistory, String tubeBarcode, Disposition disposition,
    Instant visitedAt) {}
