package org.epicommand.vaccination;

import java.time.Instant;
import java.time.LocalDate;

/** A stored dose with its product's name and manufacturer. */
public record Dose(String id, String personId, int doseNumber, DoseRole role, String productCode, String productName,
    String manufacturer, String batch, LocalDate date, String siteCode, String siteName, String vaccinatorCode,
    DoseSource source, Instant recordedAt) {}
