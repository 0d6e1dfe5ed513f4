package org.epicommand.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.enterprise.internal.GateStore;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.CreditCode;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resumption gates (复工时间节点) as data: the command office sets them for a kind or sector of
 * organisations in a jurisdiction (and a school cohort), with the day they may open from and the
 * exceptions; an application planned earlier is refused on {@code plannedDate} naming the day, unless
 * its organisation is listed or it claims an exception the gate allows. Gates are policy, not personal
 * data: everyone working on reopening reads them.
 */
@Service
public class ResumptionGates {

  static final String SUBJECT = "RESUMPTION_GATE";

  /** Whether a planned day passes the gates: the strictest gate met (or none) and the exception it took. */
  public record Passage(UUID gateId, LocalDate notBefore, String exceptionApplied) {

    static final Passage NONE = new Passage(null, null, null);
  }

  /** The exception that lets an organisation on its gate's list through. */
  public static final String LISTED = "LISTED";

  private final GateStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  ResumptionGates(GateStore store, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  public List<ResumptionGate> list(boolean withRetired) {
    List<GateStore.GateRow> rows = store.list(withRetired);
    Map<String, String> names = rows.stream().map(GateStore.GateRow::jurisdictionCode).distinct()
        .collect(Collectors.toMap(code -> code, code -> jurisdictions.find(code).map(Jurisdiction::name).orElse(code)));
    return rows.stream().map(row -> view(row, names.get(row.jurisdictionCode()))).toList();
  }

  public ResumptionGate get(UUID id) {
    GateStore.GateRow row = store.find(id).orElseThrow(() -> new RecordNotFound("gate"));
    return view(row, jurisdictions.find(row.jurisdictionCode()).map(Jurisdiction::name).orElse(null));
  }

  /** Sets a gate inside the caller's jurisdiction: 400 naming the fields. */
  @Transactional
  public ResumptionGate create(NewGate gate) {
    List<FieldProblem> problems = new ArrayList<>();
    if (gate.name() == null || gate.name().isBlank() || gate.name().strip().length() > 100) {
      problems.add(FieldProblem.of("name", "resumption.gate.name"));
    }
    Jurisdiction place = gate.jurisdictionCode() == null || gate.jurisdictionCode().isBlank() ? null
        : jurisdictions.find(gate.jurisdictionCode().strip()).orElse(null);
    if (place == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    } else if (!currentUser.get().scope().contains(place.path())) {
      problems.add(FieldProblem.of("jurisdictionCode", "organisation.outsideScope"));
    }
    if (gate.notBefore() == null) {
      problems.add(FieldProblem.of("notBefore", "resumption.gate.notBefore"));
    }
    if (gate.cohort() != null && gate.cohort().strip().length() > 20) {
      problems.add(FieldProblem.of("cohort", "organisation.cohort"));
    }
    if (gate.note() != null && gate.note().strip().length() > 500) {
      problems.add(FieldProblem.of("note", "organisation.tooLong", 500));
    }
    LinkedHashSet<String> listed = new LinkedHashSet<>();
    List<String> given = gate.exceptionOrganisations() == null ? List.of() : gate.exceptionOrganisations();
    for (int i = 0; i < given.size(); i++) {
      Optional<String> code = CreditCode.parse(given.get(i));
      if (code.isEmpty()) {
        problems.add(FieldProblem.of("exceptionOrganisations[" + i + "]", "organisation.creditCode"));
      } else {
        listed.add(code.get());
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UUID id = UUID.randomUUID();
    store.insert(id, gate, place.path(), List.copyOf(listed), currentUser.get().username(), clock.instant());
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), gate.name().strip() + " " + gate.notBefore());
    return get(id);
  }

  /** Lifts a gate: it no longer holds anyone back; 409 when lifted already. */
  @Transactional
  public ResumptionGate retire(UUID id) {
    GateStore.GateRow row = store.find(id).orElseThrow(() -> new RecordNotFound("gate"));
    if (row.retiredAt() != null) {
      throw Conflict.of("resumption.gate.retired");
    }
    store.retire(id, clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "lifted");
    return get(id);
  }

  /**
   * Checks a planned day against the gates covering the organisation and cohort: 400 {@code plannedDate}
   * naming the day of the strictest gate it does not pass.
   */
  public Passage check(OrganisationSnapshot organisation, String cohort, LocalDate plannedDate, GateException claimed) {
    Passage passage = Passage.NONE;
    for (GateStore.GateRow gate : store.covering(organisation.kind(), organisation.sector(), organisation.path(),
        cohort)) {
      if (!plannedDate.isBefore(gate.notBefore())) {
        return passage.gateId() == null ? new Passage(gate.id(), gate.notBefore(), null) : passage;
      }
      String applied = gate.exceptionOrganisations().contains(organisation.creditCode()) ? LISTED
          : claimed != null && gate.exceptions().contains(claimed) ? claimed.name() : null;
      if (applied == null) {
        throw new ValidationFailure(FieldProblem.of("plannedDate", "resumption.gate.notBeforeDay",
            gate.notBefore().toString(), gate.name()));
      }
      if (passage.gateId() == null) {
        passage = new Passage(gate.id(), gate.notBefore(), applied);
      }
    }
    return passage;
  }

  private static ResumptionGate view(GateStore.GateRow row, String jurisdictionName) {
    return new ResumptionGate(row.id().toString(), row.name(), row.kind(), row.sector(), row.jurisdictionCode(),
        jurisdictionName, row.cohort(), row.notBefore(), row.exceptions(), row.exceptionOrganisations(), row.note(),
        row.retiredAt() == null, row.createdBy(), row.createdAt());
  }
}
