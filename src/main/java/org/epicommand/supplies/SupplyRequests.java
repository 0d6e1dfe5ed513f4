package org.epicommand.supplies;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supplies.internal.CatalogStore;
import org.epicommand.supplies.internal.RequestStore;
import org.epicommand.supplies.internal.SuppliesProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supply requests of units inside the caller's jurisdiction (404 outside it): drafted and submitted by
 * the requesting unit, approved in full or in part or rejected by the supplies group, cancelled while
 * not yet decided, closed after receipt. Submitting sets the approval and delivery deadlines of the
 * request's priority. Allocation, dispatch and receipt are {@link RequestFulfilment}'s.
 */
@Service
public class SupplyRequests {

  /** One line of a new request. */
  public record NewLine(String itemCode, Long quantity) {}

  /** A request to draft; {@code jurisdictionCode} null: the caller's home division. */
  public record NewRequest(String unitName, String jurisdictionCode, RequestPriority priority, String purpose,
      List<NewLine> lines) {}

  /** An approved quantity of one line; a line not named is approved as requested. */
  public record Approval(String itemCode, Long approved) {}

  private final RequestStore store;
  private final CatalogStore catalog;
  private final RequestSteps steps;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final SuppliesProperties properties;
  private final ZoneId zone;

  SupplyRequests(RequestStore store, CatalogStore catalog, RequestSteps steps, Jurisdictions jurisdictions,
      CurrentUser currentUser, AuditTrail audit, SuppliesProperties properties, java.time.Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.steps = steps;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.zone = clock.getZone();
  }

  /** Drafts a request; nothing is stored when a field is wrong (400). */
  @Transactional
  public SupplyRequest create(NewRequest request) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    SupplyCatalog.text(request.unitName(), "unitName", 100, problems);
    SupplyCatalog.text(request.purpose(), "purpose", 500, problems);
    if (request.priority() == null) {
      problems.add(FieldProblem.of("priority", "supplies.request.priority"));
    }
    Map<String, Long> lines = new LinkedHashMap<>();
    boolean retired = false;
    if (request.lines() == null || request.lines().isEmpty() || request.lines().size() > 100) {
      problems.add(FieldProblem.of("lines", "supplies.request.lines"));
    } else {
      for (NewLine line : request.lines()) {
        String code = line == null || line.itemCode() == null ? null : line.itemCode().strip();
        SupplyItem item = code == null ? null : catalog.item(code).orElse(null);
        if (item == null || lines.containsKey(code)) {
          problems.add(FieldProblem.of("itemCode", "supplies.item.unknown"));
          continue;
        }
        retired |= !item.active();
        Long quantity = line.quantity();
        if (quantity == null || quantity < 1 || quantity > StockLedger.MAX_QUANTITY) {
          problems.add(FieldProblem.of("quantity", "supplies.quantity"));
          continue;
        }
        lines.put(code, quantity);
      }
    }
    String code = request.jurisdictionCode() == null || request.jurisdictionCode().isBlank() ? user.jurisdictionCode()
        : request.jurisdictionCode().strip();
    Jurisdiction division = code == null ? null : jurisdictions.find(code).orElse(null);
    if (division == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "supplies.warehouse.jurisdiction"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (!user.scope().contains(division.path())) {
      throw new RecordNotFound("jurisdiction");
    }
    if (retired) {
      throw Conflict.naming("supplies.item.isRetired", SupplyCatalog.RETIRED);
    }
    Instant now = steps.now();
    RequestStore.RequestRow row = new RequestStore.RequestRow(UUID.randomUUID(),
        store.nextNumber(LocalDate.ofInstant(now, zone).getYear()), request.unitName().strip(), division.code(),
        division.path(), request.priority(), request.purpose().strip(), RequestState.DRAFT, null, null,
        user.username(), null, null, null, null, null, null, null, null);
    store.insert(row, lines, now);
    audit.record(AuditAction.CREATE, RequestSteps.SUBJECT, row.number(), row.unitName() + " " + lines);
    return steps.view(row.id());
  }

  /** Requests inside the caller's jurisdiction (a division's subtree when given), newest first. */
  public PageResult<SupplyRequest> list(String jurisdiction, RequestState state, Paging paging) {
    var scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    List<SupplyRequest> rows = store.list(scope, state, paging.offset(), paging.fetchSize()).stream()
        .map(r -> steps.view(r.id())).toList();
    return paging.toResult(rows, null);
  }

  public SupplyRequest get(UUID id) {
    return steps.view(steps.load(id).id());
  }

  /** DRAFT → SUBMITTED: the approval and delivery deadlines start. */
  @Transactional
  public SupplyRequest submit(UUID id) {
    RequestStore.RequestRow row = steps.ready(id, RequestState.Step.SUBMIT);
    Instant now = steps.now();
    Duration[] sla = sla(row.priority());
    steps.move(row, RequestState.Step.SUBMIT, RequestState.SUBMITTED,
        "submitted_at = :now, approve_due = :approveDue, deliver_due = :deliverDue",
        Map.of("now", Timestamp.from(now), "approveDue", Timestamp.from(now.plus(sla[0])),
            "deliverDue", Timestamp.from(now.plus(sla[1]))), null);
    return steps.view(id);
  }

  /**
   * SUBMITTED → APPROVED (every line as requested) or PARTIALLY_APPROVED (some less); approving more
   * than requested, or nothing at all, is 400 {@code approved}. When the approved quantities at the items'
   * reference prices are worth more than {@code epicommand.supplies.second-approval-value} the request goes to
   * PENDING_SECOND_APPROVAL instead, and approving it again is the second approval:
   * {@link #secondApproval}.
   */
  @Transactional
  public SupplyRequest approve(UUID id, List<Approval> approvals) {
    if (steps.load(id).state() == RequestState.PENDING_SECOND_APPROVAL) {
      return secondApproval(id, approvals);
    }
    RequestStore.RequestRow row = steps.ready(id, RequestState.Step.APPROVE);
    List<RequestStore.LineRow> lines = store.lines(id);
    Map<String, Long> approved = approved(lines, approvals, RequestStore.LineRow::requested);
    BigDecimal value = value(approved);
    Map<String, Object> params = new HashMap<>(Map.of("by", steps.username(), "now", Timestamp.from(steps.now()),
        "value", value));
    if (value.compareTo(properties.secondApprovalValue()) > 0) {
      steps.move(row, RequestState.Step.APPROVE, RequestState.PENDING_SECOND_APPROVAL,
          "first_approved_by = :by, first_approved_at = :now, approved_value = :value", params,
          approved + " ¥" + value.toPlainString());
    } else {
      steps.move(row, RequestState.Step.APPROVE, state(lines, approved),
          "decided_by = :by, decided_at = :now, approved_value = :value", params, approved.toString());
    }
    approved.forEach((item, q) -> store.setLine(id, item, "approved", q));
    return steps.view(id);
  }

  /**
   * PENDING_SECOND_APPROVAL → APPROVED | PARTIALLY_APPROVED by a holder of
   * {@code epicommand.supplies.second-approver-role} (403 otherwise) other than the first approver (409);
   * a line may be lowered again, not raised above the first approval (400 {@code approved}).
   */
  @Transactional
  public SupplyRequest secondApproval(UUID id, List<Approval> approvals) {
    RequestStore.RequestRow row = steps.ready(id, RequestState.Step.SECOND_APPROVE);
    UserContext user = currentUser.get();
    if (!user.hasRole(properties.secondApproverRole())) {
      throw new AccessDeniedException("second approval needs " + properties.secondApproverRole());
    }
    if (user.username().equals(row.firstApprovedBy())) {
      throw Conflict.illegalTransition("supplies.request.sameApprover", row.state());
    }
    List<RequestStore.LineRow> lines = store.lines(id);
    Map<String, Long> approved = approved(lines, approvals, l -> l.approved() == null ? 0 : l.approved());
    BigDecimal value = value(approved);
    steps.move(row, RequestState.Step.SECOND_APPROVE, state(lines, approved),
        "decided_by = :by, decided_at = :now, approved_value = :value", Map.of("by", user.username(),
            "now", Timestamp.from(steps.now()), "value", value), approved + " ¥" + value.toPlainString());
    approved.forEach((item, q) -> store.setLine(id, item, "approved", q));
    return steps.view(id);
  }

  /** Whether the caller may give the request its second approval (the role, and not the first approver). */
  public boolean maySecondApprove(SupplyRequest request) {
    UserContext user = currentUser.get();
    return request.state() == RequestState.PENDING_SECOND_APPROVAL && user.hasRole(properties.secondApproverRole())
        && !user.username().equals(request.firstApprovedBy());
  }

  /** The approved quantity of every line: as given, else up to {@code limit}; 400 per wrong line, nothing stored. */
  private static Map<String, Long> approved(List<RequestStore.LineRow> lines, List<Approval> approvals,
      java.util.function.ToLongFunction<RequestStore.LineRow> limit) {
    Map<String, Long> given = new HashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (Approval a : approvals == null ? List.<Approval>of() : approvals) {
      if (a == null || a.itemCode() == null) {
        problems.add(FieldProblem.of("itemCode", "supplies.item.unknown"));
      } else {
        given.put(a.itemCode().strip(), a.approved());
      }
    }
    Map<String, Long> approved = new LinkedHashMap<>();
    for (RequestStore.LineRow line : lines) {
      long max = limit.applyAsLong(line);
      Long quantity = given.containsKey(line.itemCode()) ? given.remove(line.itemCode()) : Long.valueOf(max);
      if (quantity == null || quantity < 0 || quantity > max) {
        problems.add(FieldProblem.of("approved", "supplies.request.approved", line.itemCode(), max));
      } else {
        approved.put(line.itemCode(), quantity);
      }
    }
    if (!given.isEmpty()) {
      problems.add(FieldProblem.of("itemCode", "supplies.item.unknown"));
    }
    if (problems.isEmpty() && approved.values().stream().allMatch(q -> q == 0)) {
      problems.add(FieldProblem.of("approved", "supplies.request.nothingApproved"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return approved;
  }

  private static RequestState state(List<RequestStore.LineRow> lines, Map<String, Long> approved) {
    return lines.stream().allMatch(l -> approved.get(l.itemCode()) == l.requested()) ? RequestState.APPROVED
        : RequestState.PARTIALLY_APPROVED;
  }

  /** The approved quantities at the items' reference prices (an item without one counts 0). */
  private BigDecimal value(Map<String, Long> approved) {
    BigDecimal value = BigDecimal.ZERO;
    for (Map.Entry<String, Long> line : approved.entrySet()) {
      BigDecimal price = catalog.item(line.getKey()).map(SupplyItem::unitPrice).orElse(null);
      if (price != null) {
        value = value.add(price.multiply(BigDecimal.valueOf(line.getValue())));
      }
    }
    return value.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  /** SUBMITTED → REJECTED with a reason (400 {@code reason} without one). */
  @Transactional
  public SupplyRequest reject(UUID id, String reason) {
    RequestStore.RequestRow row = steps.ready(id, RequestState.Step.REJECT);
    String text = reason(reason);
    steps.move(row, RequestState.Step.REJECT, RequestState.REJECTED,
        "reason = :reason, decided_by = :by, decided_at = :now",
        Map.of("reason", text, "by", steps.username(), "now", Timestamp.from(steps.now())), text);
    return steps.view(id);
  }

  /** DRAFT | SUBMITTED → CANCELLED, with an optional reason. */
  @Transactional
  public SupplyRequest cancel(UUID id, String reason) {
    RequestStore.RequestRow row = steps.ready(id, RequestState.Step.CANCEL);
    String text = SupplyCatalog.blank(reason);
    Map<String, Object> params = new HashMap<>();
    params.put("reason", text);
    steps.move(row, RequestState.Step.CANCEL, RequestState.CANCELLED, "reason = :reason", params, text);
    return steps.view(id);
  }

  /** RECEIVED | RECEIVED_WITH_DISCREPANCY → CLOSED. */
  @Transactional
  public SupplyRequest close(UUID id) {
    RequestStore.RequestRow row = steps.ready(id, RequestState.Step.CLOSE);
    steps.move(row, RequestState.Step.CLOSE, RequestState.CLOSED, "closed_at = :now",
        Map.of("now", Timestamp.from(steps.now())), null);
    return steps.view(id);
  }

  static String reason(String reason) {
    if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
      throw new ValidationFailure(FieldProblem.of("reason", "supplies.text", 500));
    }
    return reason.strip();
  }

  private Duration[] sla(RequestPriority priority) {
    return switch (priority) {
      case URGENT -> new Duration[] {properties.urgentApproval(), properties.urgentDelivery()};
      case HIGH -> new Duration[] {properties.highApproval(), properties.highDelivery()};
      case NORMAL -> new Duration[] {properties.normalApproval(), properties.normalDelivery()};
    };
  }
}
