package org.epicommand.tracing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tracing.internal.InvestigationStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Concealment an investigation found (流调发现隐瞒病情、行程): the investigator reports that the case's person
 * concealed travel, symptoms, contacts, a result or their identity, with what shows it — once per investigation and
 * kind (409 naming the report made). The report is published ({@link ConcealmentFlagged}) for the tip-off office,
 * which takes it on as a concealment case. Investigations outside the caller's jurisdiction are not found (404).
 */
@Service
public class ConcealmentFlags {

  /** What was concealed. */
  public enum Concealed { TRAVEL, SYMPTOMS, CONTACT, RESULT, IDENTITY }

  /** A report of concealment on an investigation. */
  public record Flag(UUID id, Concealed concealed, String evidence, Instant flaggedAt, String flaggedBy) {}

  /** A report to make. */
  public record NewFlag(Concealed concealed, String evidence) {}

  static final String SUBJECT = "INVESTIGATION_CONCEALMENT";
  private static final int EVIDENCE_MAX = 4000;

  private final InvestigationStore store;
  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ConcealmentFlags(InvestigationStore store, JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit,
      ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Reports concealment on an investigation of the caller's jurisdiction: 400 per field, 409 when made already. */
  @Transactional
  public Flag flag(UUID investigationId, NewFlag request) {
    UserContext user = currentUser.get();
    String evidence = request == null || request.evidence() == null ? "" : request.evidence().strip();
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (request == null || request.concealed() == null) {
      problems.add(FieldProblem.of("concealed", "tracing.concealment.concealed"));
    }
    if (evidence.isEmpty() || evidence.length() > EVIDENCE_MAX) {
      problems.add(FieldProblem.of("evidence", "tracing.concealment.evidence", EVIDENCE_MAX));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    InvestigationStore.Row investigation = store.lock(investigationId, user.scope())
        .orElseThrow(() -> new RecordNotFound(Investigations.SUBJECT));
    flags(investigationId).stream().filter(f -> f.concealed() == request.concealed()).findFirst()
        .ifPresent(made -> {
          throw Conflict.duplicate("tracing.concealment.flagged", made.id().toString());
        });
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql("""
        insert into investigation_concealment (id, investigation_id, concealed, evidence, flagged_at, flagged_by)
        values (?, ?, ?, ?, ?, ?)""").params(id, investigationId, request.concealed().name(), evidence,
        java.sql.Timestamp.from(now), user.username()).update();
    audit.record(AuditAction.UPDATE, Investigations.SUBJECT, investigationId.toString(),
        "concealment " + request.concealed());
    events.publishEvent(new ConcealmentFlagged(id, investigationId, investigation.caseId(),
        investigation.casePersonId(), request.concealed(), evidence, investigation.jurisdictionCode(), now,
        user.username()));
    return flags(investigationId).stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  /** The reports made on an investigation of the caller's jurisdiction, oldest first (404 outside it). */
  @Transactional(readOnly = true)
  public List<Flag> of(UUID investigationId) {
    store.find(investigationId, currentUser.get().scope())
        .orElseThrow(() -> new RecordNotFound(Investigations.SUBJECT));
    return flags(investigationId);
  }

  private List<Flag> flags(UUID investigationId) {
    return jdbc.sql("""
        select id, concealed, evidence, flagged_at, flagged_by from investigation_concealment
        where investigation_id = ? order by flagged_at, id""").param(investigationId)
        .query((rs, n) -> new Flag(rs.getObject(1, UUID.class), Concealed.valueOf(rs.getString(2)), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
  }
}
