package org.epicommand.tipoff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A concealment case (隐瞒病情、行程案件): who concealed what, where it came from (a substantiated tip-off, an
 * investigation, the office itself), the evidence, the referral to an authority with its legal basis, the
 * authority's decision and the closing. {@code subjectName} is the person's name as known when the case was opened
 * (the registry's, or the tip-off's subject); {@code files} are the evidence's files (null in lists).
 */
public record ConcealmentCase(UUID id, ConcealmentState state, Source source, UUID sourceId, String sourceReference,
    UUID tipOffId, UUID personId, String subjectName, TipOff.Concealed concealed, String evidence,
    String jurisdictionCode, String jurisdictionName, Instant openedAt, String openedBy, TipOff.ReferredTo referredTo,
    String legalBasis, Instant referredAt, String referredBy, TipOff.ReferralOutcome outcome, LocalDate decidedOn,
    String decisionNote, Instant closedAt, String closedBy, String closeNote, List<TipOff.EvidenceFile> files) {

  /** Where a case came from. */
  public enum Source { TIP_OFF, INVESTIGATION, OFFICE }

  /**
   * A case the office opens itself: a registry person (or, without one, the name as known), what was concealed, the
   * division where it happened, the evidence and where the office learnt of it (e.g. a screening finding's number).
   */
  public record New(UUID personId, String subjectName, TipOff.Concealed concealed, String jurisdictionCode,
      String evidence, String sourceReference) {}

  /** The referral of an open case: to whom, on what legal basis (as the office enters it). */
  public record Referral(TipOff.ReferredTo referredTo, String legalBasis) {}

  /** Closing a case: why (required for a case closed without referral). */
  public record Closing(String note) {}

  public ConcealmentCase withFiles(List<TipOff.EvidenceFile> list) {
    return new ConcealmentCase(id, state, source, sourceId, sourceReference, tipOffId, personId, subjectName,
        concealed, evidence, jurisdictionCode, jurisdictionName, openedAt, openedBy, referredTo, legalBasis,
        referredAt, referredBy, outcome, decidedOn, decisionNote, closedAt, closedBy, closeNote, list);
  }
}
