package org.epicommand.sentinel;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.sentinel.internal.InspectionRows;
import org.epicommand.sentinel.internal.VerificationItems;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What market regulation changes on a recorded inspection, inside the caller's jurisdiction (404 outside), each with
 * a reason and audited: withdrawing one recorded by mistake, and correcting its findings in place. The day, outcome,
 * status and buyers are not corrected in place: they opened verification items and may have changed the pharmacy's
 * status, so a wrong one is withdrawn and recorded again.
 */
@Service
public class InspectionAmendments {

  static final int MAX_REASON = 500;

  private final JdbcClient jdbc;
  private final InspectionRows rows;
  private final Pharmacies pharmacies;
  private final VerificationItems items;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  InspectionAmendments(JdbcClient jdbc, InspectionRows rows, Pharmacies pharmacies, VerificationItems items,
      CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.pharmacies = pharmacies;
    this.items = items;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Withdraws an inspection recorded by mistake (RECORDED → WITHDRAWN; 409 naming the state once withdrawn): the
   * reason is required (at most {@link #MAX_REASON} characters, 400 otherwise, nothing changed), who and when are
   * kept, and the verification items it opened that nobody closed yet close as {@code INSPECTION_WITHDRAWN}. The
   * status the inspection put the pharmacy in stays: it is changed on its own. Audited.
   */
  @Transactional
  public Inspection withdraw(String pharmacyCode, UUID id, String reason) {
    String code = pharmacies.row(pharmacyCode).pharmacy().creditCode();
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      throw new ValidationFailure(FieldProblem.of("reason", "sentinel.withdrawalReason", MAX_REASON));
    }
    InspectionState next = locked(code, id).state().withdraw();
    String by = currentUser.get().username();
    jdbc.sql("""
        update sentinel_inspection set state = ?, withdrawn_by = ?, withdrawn_at = ?, withdrawal_reason = ?
        where id = ?""").params(next.name(), by, OffsetDateTime.now(clock), why, id).update();
    audit.record(AuditAction.UPDATE, PharmacyInspections.SUBJECT, id.toString(), "inspection of " + code
        + " withdrawn: " + why);
    items.closeOpen(VerificationItems.Origin.inspection(id), VerificationOutcome.INSPECTION_WITHDRAWN, by,
        "closed INSPECTION_WITHDRAWN: inspection " + id);
    return rows.load(id);
  }

  /**
   * Corrects a recorded inspection's findings (RECORDED stays RECORDED; 409 naming WITHDRAWN for a withdrawn one):
   * the findings (1 to {@link PharmacyInspections#MAX_FINDINGS} characters) and the reason (1 to
   * {@link #MAX_REASON}) are required, 400 naming each otherwise, nothing changed. Who corrected last, when and why
   * are kept, and the findings as first recorded (once). The same findings again change nothing (a retried
   * correction is not recorded twice). Audited.
   */
  @Transactional
  public Inspection correct(String pharmacyCode, UUID id, String findings, String reason) {
    String code = pharmacies.row(pharmacyCode).pharmacy().creditCode();
    String text = findings == null ? "" : findings.strip();
    String why = reason == null ? "" : reason.strip();
    List<FieldProblem> problems = new ArrayList<>();
    if (text.isEmpty() || text.length() > PharmacyInspections.MAX_FINDINGS) {
      problems.add(FieldProblem.of("findings", "sentinel.findings"));
    }
    if (why.isEmpty() || why.length() > MAX_REASON) {
      problems.add(FieldProblem.of("reason", "sentinel.correctionReason", MAX_REASON));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Locked inspection = locked(code, id);
    inspection.state().correct();
    if (inspection.findings().equals(text)) {
      return rows.load(id);
    }
    jdbc.sql("""
        update sentinel_inspection set findings = ?, original_findings = coalesce(original_findings, findings),
          corrected_by = ?, corrected_at = ?, correction_reason = ?
        where id = ?""").params(text, currentUser.get().username(), OffsetDateTime.now(clock), why, id).update();
    audit.record(AuditAction.UPDATE, PharmacyInspections.SUBJECT, id.toString(), "inspection of " + code
        + " corrected: " + why);
    return rows.load(id);
  }

  private record Locked(InspectionState state, String findings) {}

  /** The pharmacy's inspection, locked for the change (404 when the pharmacy has none of this id). */
  private Locked locked(String code, UUID id) {
    return jdbc.sql("select state, findings from sentinel_inspection where id = ? and pharmacy_code = ? for update")
        .params(id, code).query((rs, n) -> new Locked(InspectionState.valueOf(rs.getString(1)), rs.getString(2)))
        .optional().orElseThrow(() -> new RecordNotFound(PharmacyInspections.SUBJECT));
  }
}
