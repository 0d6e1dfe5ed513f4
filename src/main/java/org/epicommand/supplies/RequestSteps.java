package org.epicommand.supplies;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.supplies.internal.RequestStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every step of a request shares: finding it inside the caller's jurisdiction (404 otherwise),
 * refusing a step its state does not allow (409 naming the state), the guarded move with its audit
 * event and {@link SupplyRequestStateChanged}, and the request as answered.
 */
@Component
class RequestSteps {

  static final String SUBJECT = "SUPPLY_REQUEST";

  private final RequestStore store;
  private final SupplyCatalog catalog;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RequestSteps(RequestStore store, SupplyCatalog catalog, Jurisdictions jurisdictions, CurrentUser currentUser,
      AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** The request inside the caller's jurisdiction; 404 otherwise. */
  RequestStore.RequestRow load(UUID id) {
    var scope = currentUser.get().scope();
    return store.find(id).filter(r -> scope.contains(r.path()))
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** The request, when the step may start from its state; 409 naming the state otherwise. */
  RequestStore.RequestRow ready(UUID id, RequestState.Step step) {
    RequestStore.RequestRow row = load(id);
    if (!step.allowedFrom(row.state())) {
      throw Conflict.illegalTransition("supplies.request.illegal", row.state());
    }
    return row;
  }

  /** Moves the request (guarded by the step's states), audits and publishes the change. */
  void move(RequestStore.RequestRow row, RequestState.Step step, RequestState to, String set, Map<String,
      Object> params,
      String detail) {
    Instant now = clock.instant();
    if (!store.transition(row.id(), step.from(), to, set, params, now)) {
      RequestState current = store.find(row.id()).map(RequestStore.RequestRow::state).orElse(row.state());
      throw Conflict.illegalTransition("supplies.request.illegal", current);
    }
    audit.record(AuditAction.UPDATE, SUBJECT, row.number(), row.state() + " → " + to + (detail == null ? "" : ": "
        + detail));
    events.publishEvent(new SupplyRequestStateChanged(row.id(), row.number(), row.jurisdictionCode(), row.state(), to,
        now));
  }

  /** Audits a change of the request that is not a move of its state (a dispatch planned). */
  void note(RequestStore.RequestRow row, String detail) {
    audit.record(AuditAction.UPDATE, SUBJECT, row.number(), detail);
  }

  java.time.ZoneId zone() {
    return clock.getZone();
  }

  String username() {
    return currentUser.get().username();
  }

  Instant now() {
    return clock.instant();
  }

  /** The request as answered, read back from the store. */
  SupplyRequest view(UUID id) {
    RequestStore.RequestRow r = store.find(id).orElseThrow(() -> new RecordNotFound(SUBJECT));
    List<RequestStore.LineRow> rows = store.lines(id);
    Map<String, SupplyItem> items = catalog.itemsByCode(rows.stream().map(RequestStore.LineRow::itemCode).toList());
    List<SupplyRequest.Line> lines = rows.stream().map(l -> {
      SupplyItem item = items.get(l.itemCode());
      return new SupplyRequest.Line(l.itemCode(), item == null ? l.itemCode() : item.nameZh(),
          item == null ? null : item.unit(), l.requested(), l.approved(), l.allocated(), l.dispatched(), l.received());
    }).toList();
    SupplyRequest.Dispatch dispatch = store.dispatch(id).map(d -> new SupplyRequest.Dispatch(d.warehouseCode(),
        d.vehicle().plate(), d.vehicle().driver(), d.vehicle().driverPhone(), d.vehicle().greenPassNumber(), d.state(),
        local(d.plannedAt()), local(d.departedAt()), local(d.expectedAt()), local(d.receivedAt()), d.receivedBy(),
        d.discrepancyNote())).orElse(null);
    Instant now = clock.instant();
    boolean overdue = r.state().awaitingApproval() && r.approveDue() != null && r.approveDue().toInstant()
        .isBefore(now)
        || (r.state() == RequestState.APPROVED || r.state() == RequestState.PARTIALLY_APPROVED
        || r.state() == RequestState.ALLOCATED || r.state() == RequestState.DISPATCHED)
        && r.deliverDue() != null && r.deliverDue().toInstant().isBefore(now);
    return new SupplyRequest(r.id().toString(), r.number(), r.unitName(), r.jurisdictionCode(),
        jurisdictions.find(r.jurisdictionCode()).map(Jurisdiction::name).orElse(r.jurisdictionCode()), r.priority(),
        r.purpose(), r.state(), r.reason(), r.warehouseCode(), r.createdBy(), local(r.createdAt()),
        local(r.submittedAt()), local(r.approveDue()), local(r.deliverDue()), r.decidedBy(), local(r.decidedAt()),
            overdue,
        lines, dispatch, r.approvedValue(), r.firstApprovedBy());
  }

  /** A time in the city's zone (what the pages show). */
  private OffsetDateTime local(OffsetDateTime at) {
    return at == null ? null : at.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
  }
}
