package org.epicommand.quarantine;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.quarantine.internal.AlertBook;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Alerts inside the caller's jurisdiction: the worker's screen, acknowledging and resolving with a note. */
@Service
public class QuarantineAlerts {

  private final AlertBook alerts;
  private final CurrentUser currentUser;
  private final SiteStaff staff;
  private final AuditTrail audit;
  private final Clock clock;

  QuarantineAlerts(AlertBook alerts, CurrentUser currentUser, SiteStaff staff, AuditTrail audit, Clock clock) {
    this.alerts = alerts;
    this.currentUser = currentUser;
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
  }

  /** Unresolved alerts by default (OPEN and ACKNOWLEDGED), newest first. */
  public PageResult<QuarantineAlert> list(AlertState state, AlertKind kind, Paging paging) {
    List<AlertState> states = state == null ? List.of(AlertState.OPEN, AlertState.ACKNOWLEDGED) : List.of(state);
    List<QuarantineAlert> rows = alerts.list(staff.reach(), states, kind, paging.offset(),
        paging.fetchSize());
    return paging.toResult(rows, null);
  }

  public long countUnresolved() {
    return alerts.countOpen(staff.reach());
  }

  @Transactional
  public QuarantineAlert acknowledge(UUID id) {
    UserContext user = currentUser.get();
    QuarantineAlert alert = alerts.lock(id, staff.reach()).orElseThrow(() -> new RecordNotFound("ALERT"));
    if (alert.state() != AlertState.OPEN) {
      throw Conflict.illegalTransition("quarantine.alert.state", alert.state());
    }
    alerts.acknowledge(id, user.username(), clock.instant());
    audit.record(AuditAction.UPDATE, "QUARANTINE_ALERT", id.toString(), "acknowledged");
    return alerts.lock(id, staff.reach()).orElseThrow();
  }

  @Transactional
  public QuarantineAlert resolve(UUID id, String note) {
    UserContext user = currentUser.get();
    if (note == null || note.isBlank()) {
      throw new ValidationFailure(FieldProblem.of("note", "required"));
    }
    if (note.length() > 500) {
      throw new ValidationFailure(FieldProblem.of("note", "tooLong", 500));
    }
    QuarantineAlert alert = alerts.lock(id, staff.reach()).orElseThrow(() -> new RecordNotFound("ALERT"));
    if (alert.state() == AlertState.RESOLVED) {
      throw Conflict.illegalTransition("quarantine.alert.state", alert.state());
    }
    alerts.resolve(id, user.username(), clock.instant(), note.strip());
    audit.record(AuditAction.UPDATE, "QUARANTINE_ALERT", id.toString(), "resolved");
    return alerts.lock(id, staff.reach()).orElseThrow();
  }
}
