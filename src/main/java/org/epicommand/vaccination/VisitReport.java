package org.epicommand.vaccination;

import java.time.LocalDate;

/**
 * A visit's outcome as a worker reports it: {@code date} is the appointment's day or the end of a
 * temporary contraindication, {@code siteCode} the appointment's site, {@code reason} why a person
 * refuses (required then), {@code note} anything else (evidence of a dose elsewhere, a certificate).
 */
public record VisitReport(VisitOutcome outcome, LocalDate date, String siteCode, String reason, String note) {}
