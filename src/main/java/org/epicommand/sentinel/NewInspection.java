package org.epicommand.sentinel;

import java.time.LocalDate;
import java.util.List;
import org.epicommand.person.IdType;

/**
 * An inspection of a pharmacy by market regulation: the day (not in the future), the findings, the outcome, the
 * status the pharmacy is put in for a violation (RESTRICTED or SALES_SUSPENDED, optional), and the buyers found sold
 * to without the required registration (a violation only).
 */
public record NewInspection(LocalDate inspectedOn, String findings, InspectionOutcome outcome,
    PharmacyStatus pharmacyStatus, List<Buyer> buyers) {

  /** A buyer found: document, name, phone and home division (default the pharmacy's), as at the counter. */
  public record Buyer(IdType idType, String idNumber, String name, String phone, String jurisdictionCode) {}
}
