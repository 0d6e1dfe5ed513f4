package org.epicommand.treatment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.CaseSummary;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.treatment.internal.ExpertStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consultation log (会诊记录) of a severe or critical case's expert team: a line per consultation (date,
 * summary, plan) for a case of the caller's jurisdiction (404 otherwise) that has a team assigned (409
 * naming {@code NO_TEAM} otherwise). Each line and each read of the log is audited on the case
 * ({@value #SUBJECT}).
 */
@Service
public class Consultations {

  /** The audit subject of a consultation log. */
  public static final String SUBJECT = "CONSULTATION";

  /** The longest summary or plan. */
  static final int MAX_TEXT = 2000;

  private final ExpertStore store;
  private final CaseRegistry cases;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  Consultations(ExpertStore store, CaseRegistry cases, Jurisdictions jurisdictions, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.store = store;
    this.cases = cases;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records a consultation: 400 naming the fields, 404 outside the jurisdiction, 409 without a team. */
  @Transactional
  public Consultation record(UUID caseId, Consultation.New request) {
    CaseSummary summary = cases.summary(caseId).orElseThrow(() -> new RecordNotFound(CaseRegistry.SUBJECT));
    Consultation.New c = request == null ? new Consultation.New(null, null, null) : request;
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    LocalDate on = today;
    if (c.date() != null && !c.date().isBlank()) {
      try {
        on = LocalDate.parse(c.date().strip());
        if (on.isAfter(today)) {
          problems.add(FieldProblem.of("date", "treatment.consultation.future"));
        }
      } catch (DateTimeParseException e) {
        problems.add(FieldProblem.of("date", "treatment.deployment.date"));
      }
    }
    String text = strip(c.summary());
    if (text == null || text.length() > MAX_TEXT) {
      problems.add(FieldProblem.of("summary", "treatment.consultation.summary", MAX_TEXT));
    }
    String plan = strip(c.plan());
    if (plan != null && plan.length() > MAX_TEXT) {
      problems.add(FieldProblem.of("plan", "treatment.deployment.tooLong", MAX_TEXT));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    ExpertStore.NeedRow need = store.need(caseId).filter(n -> n.teamId() != null)
        .orElseThrow(() -> Conflict.naming("treatment.consultation.noTeam", "NO_TEAM"));
    String path = jurisdictions.find(summary.jurisdictionCode()).map(Jurisdiction::path).orElseThrow();
    UUID id = UUID.randomUUID();
    store.insertConsultation(id, caseId, need.teamId(), on, text, plan, path, currentUser.get().username(),
        clock.instant());
    audit.record(AuditAction.CREATE, SUBJECT, caseId.toString(), "consultation " + id + " on " + on);
    return store.consultations(caseId).stream().filter(line -> line.id().equals(id.toString())).findFirst()
        .orElseThrow();
  }

  /** The case's log, newest first (404 outside the caller's jurisdiction); the read is audited. */
  @Transactional
  public List<Consultation> of(UUID caseId) {
    cases.summary(caseId).orElseThrow(() -> new RecordNotFound(CaseRegistry.SUBJECT));
    List<Consultation> log = store.consultations(caseId);
    audit.record(AuditAction.READ, SUBJECT, caseId.toString(), "consultation log");
    return log;
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
