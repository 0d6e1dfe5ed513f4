package org.epicommand.movement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.movement.internal.PushedItemStore;
import org.epicommand.movement.internal.PushedName;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Masking;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification of pushed names (落地核查, docs/domain.md §8) inside the caller's jurisdiction: list with
 * deadlines, sign, verify, record the outcome, send feedback, audit — each step a guarded transition
 * (409 from any other state) written to the audit trail in the same transaction — and the KPIs per
 * district.
 */
@Service
public class PushedItems {

  static final String SUBJECT = "PUSHED_ITEM";

  private final PushedItemStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  PushedItems(PushedItemStore store, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  public PageResult<PushedItem> list(PushedItemState state, String jurisdictionCode, Boolean overdue, Paging paging) {
    return listWithNames(state, jurisdictionCode, overdue, paging).map(PushedItemStore.Listed::item);
  }

  /** The same list with the pushed names, for the staff pages. */
  public PageResult<PushedItemStore.Listed> listWithNames(PushedItemState state, String jurisdictionCode,
      Boolean overdue, Paging paging) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdictionCode);
    return paging.toResult(store.list(scope, state, overdue, clock.instant(), paging.offset(), paging.fetchSize()),
        null);
  }

  /** The items matched to a person inside the caller's jurisdiction (the person page; audited read). */
  @org.springframework.transaction.annotation.Transactional
  public List<PushedItemStore.Listed> ofPerson(UUID personId) {
    List<PushedItemStore.Listed> found = store.ofPerson(personId, currentUser.get().scope(), clock.instant(), 20);
    found.forEach(l -> audit.record(AuditAction.READ, SUBJECT, l.item().id(), "person page"));
    return found;
  }

  /** The caller's open items (no feedback yet), the nearest deadline first: a community worker's list. */
  public PageResult<PushedItemStore.Listed> open(Paging paging) {
    return paging.toResult(store.open(currentUser.get().scope(), clock.instant(), paging.offset(), paging.fetchSize()),
        null);
  }

  /** One item in full (audited read); identifiers masked unless the caller may see them; 404 outside the scope. */
  @Transactional
  public PushedItemDetail get(UUID id) {
    UserContext user = currentUser.get();
    PushedItemDetail d = store.find(id, user.scope(), clock.instant()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    audit.record(AuditAction.READ, SUBJECT, id.toString(), null);
    if (user.has(Permission.PERSON_FULL_IDENTITY)) {
      return d;
    }
    return new PushedItemDetail(d.item(), d.name(), d.idType(), Masking.documentNumber(d.idNumber()),
        Masking.phone(d.phone()), d.reason(), d.sourceRegion(), d.matchedBy(), d.outcome(), d.note(), d.signedAt(),
        d.outcomeAt(), d.feedbackAt());
  }

  @Transactional
  public PushedItem sign(UUID id) {
    return move(id, PushedItemState.SIGNED, null);
  }

  @Transactional
  public PushedItem startVerifying(UUID id) {
    return move(id, PushedItemState.VERIFYING, null);
  }

  /** The outcome of the verification: LANDED (under management), NOT_FOUND, TRANSFERRED_OUT or EXCLUDED. */
  @Transactional
  public PushedItem recordOutcome(UUID id, PushedItemState outcome, String note) {
    if (outcome == null || !PushedItemState.OUTCOMES.contains(outcome)) {
      throw new ValidationFailure(FieldProblem.of("outcome", "movement.pushed.outcome"));
    }
    return move(id, outcome, note(note));
  }

  @Transactional
  public PushedItem sendFeedback(UUID id, String note) {
    return move(id, PushedItemState.FEEDBACK_SENT, note(note));
  }

  /**
   * The community worker's report on a phone in one step: from SIGNED or VERIFYING, the outcome and
   * the feedback (verify → outcome → feedback, each transition audited as if done one by one).
   */
  @Transactional
  public PushedItem report(UUID id, PushedItemState outcome, String note) {
    if (outcome == null || !PushedItemState.OUTCOMES.contains(outcome)) {
      throw new ValidationFailure(FieldProblem.of("outcome", "movement.pushed.outcome"));
    }
    String text = note(note);
    PushedItemDetail current = store.find(id, currentUser.get().scope(), clock.instant())
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
    PushedItem moved = null;
    for (PushedItemState step : PushedName.in(current.item().state()).report(outcome)) {
      moved = move(id, step, step == outcome ? text : null);
    }
    return moved;
  }

  @Transactional
  public PushedItem markAudited(UUID id) {
    return move(id, PushedItemState.AUDITED, null);
  }

  private PushedItem move(UUID id, PushedItemState to, String note) {
    UserContext user = currentUser.get();
    PushedItemDetail current = store.find(id, user.scope(), clock.instant())
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
    PushedName item = PushedName.in(current.item().state());
    PushedItemState from = item.moveTo(to);
    if (!store.move(id, from, item.state(), note, clock.instant())) {
      throw item.raced();
    }
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), from + "->" + to + (note == null ? "" : " " + note));
    return store.find(id, user.scope(), clock.instant()).orElseThrow().item();
  }

  /**
   * The KPIs of each district inside the caller's jurisdiction (or of the caller's own jurisdiction
   * when it lies below the district level).
   */
  public List<DistrictKpi> kpis() {
    UserContext user = currentUser.get();
    List<Jurisdiction> districts = jurisdictions.descendantsAt(user.scope(), JurisdictionLevel.COUNTY);
    if (districts.isEmpty()) {
      districts = jurisdictions.find(user.jurisdictionCode()).map(List::of).orElse(List.of());
    }
    List<String> codes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (Jurisdiction d : districts) {
      codes.add(d.code());
      names.add(d.name());
      paths.add(d.path());
    }
    return store.kpis(codes, names, paths, user.scope(), clock.instant());
  }

  private static String note(String note) {
    if (note != null && note.length() > 2000) {
      throw new ValidationFailure(FieldProblem.of("note", "movement.pushed.note"));
    }
    return note == null || note.isBlank() ? null : note.strip();
  }

}
