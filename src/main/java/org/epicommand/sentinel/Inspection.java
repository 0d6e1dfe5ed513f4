package org.epicommand.sentinel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recorded inspection of a pharmacy: the day, who inspected, the findings, the outcome, the status it put the
 * pharmacy in (null: none), and the buyers found — each with the verification item opened for them. A withdrawn
 * inspection ({@code state} WITHDRAWN) says who withdrew it, when and why (all null while RECORDED). One imported from
 * market regulation's register carries the register's number for it ({@code reference}; null when recorded here).
 * Findings corrected in place say who corrected them last, when and why, and keep the findings as first recorded
 * ({@code originalFindings}; all four null while never corrected).
 */
public record Inspection(String id, String pharmacyCode, LocalDate inspectedOn, String inspector, String findings,
    InspectionOutcome outcome, PharmacyStatus pharmacyStatus, OffsetDateTime recordedAt, List<Buyer> buyers,
    InspectionState state, String withdrawnBy, OffsetDateTime withdrawnAt, String withdrawalReason,
    String reference, String correctedBy, OffsetDateTime correctedAt, String correctionReason,
    String originalFindings) {

  /** A buyer found: the registry person, the name as found, document and phone masked, their verification item. */
  public record Buyer(String personId, String name, String maskedIdNumber, String maskedPhone,
      String verificationItemId) {}

  public boolean withdrawn() {
    return state == InspectionState.WITHDRAWN;
  }

  public boolean corrected() {
    return correctedAt != null;
  }
}
