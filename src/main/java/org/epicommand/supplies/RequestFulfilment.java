package org.epicommand.supplies;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.movement.Checkpoints;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supplies.internal.CatalogStore;
import org.epicommand.supplies.internal.Dispatch;
import org.epicommand.supplies.internal.RequestStore;
import org.epicommand.supplies.internal.StockStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Getting an approved request to its unit: allocation takes the approved quantities out of one
 * warehouse (first to expire first, each lot by a guarded update: 409 naming what is on hand when
 * short, and nothing is taken); dispatch names the vehicle and its green-channel pass, which the
 * movement module must find VALID today (409 naming its status otherwise); the unit confirms receipt on
 * a phone — receiving more than was dispatched is 400, less sets RECEIVED_WITH_DISCREPANCY.
 */
@Service
public class RequestFulfilment {

  /**
   * The vehicle of a dispatch; {@code expectedAt} optional; {@code plannedAt}: when a planned dispatch is to
   * leave (now when null; not before today).
   */
  public record DispatchOrder(String vehiclePlate, String driver, String driverPhone, String greenPassNumber,
      OffsetDateTime expectedAt, OffsetDateTime plannedAt) {}

  /** What arrived of one line; a line not named arrived as dispatched. */
  public record Receipt(String itemCode, Long received) {}

  /** How far ahead a dispatch may be planned. */
  static final int MAX_PLAN_DAYS = 30;

  private final RequestStore store;
  private final RequestSteps steps;
  private final StockLedger ledger;
  private final StockStore stock;
  private final SupplyCatalog catalog;
  private final Checkpoints checkpoints;

  RequestFulfilment(RequestStore store, RequestSteps steps, StockLedger ledger, StockStore stock, SupplyCatalog catalog,
      Checkpoints checkpoints) {
    this.store = store;
    this.steps = steps;
    this.ledger = ledger;
    this.stock = stock;
    this.catalog = catalog;
    this.checkpoints = checkpoints;
  }

  /** APPROVED | PARTIALLY_APPROVED → ALLOCATED from a warehouse the caller reaches. */
  @Transactional
  public SupplyRequest allocate(UUID id, String warehouseCode) {
    RequestStore.RequestRow row = steps.ready(id, RequestState.Step.ALLOCATE);
    if (warehouseCode == null || warehouseCode.isBlank()) {
      throw new ValidationFailure(FieldProblem.of("warehouseCode", "supplies.warehouse.unknown"));
    }
    CatalogStore.WarehouseRow warehouse = catalog.reachable(warehouseCode);
    if (!warehouse.active()) {
      throw Conflict.naming("supplies.warehouse.isRetired", SupplyCatalog.RETIRED);
    }
    steps.move(row, RequestState.Step.ALLOCATE, RequestState.ALLOCATED, "warehouse_code = :wh, allocated_at = :now",
        Map.of("wh", warehouse.code(), "now", Timestamp.from(steps.now())), warehouse.code());
    for (RequestStore.LineRow line : store.lines(id)) {
      long quantity = line.approved() == null ? 0 : line.approved();
      if (quantity > 0) {
        for (StockLedger.LotChange change : ledger.take(warehouse.code(), line.itemCode(), null, quantity,
            MovementKind.ALLOCATION_OUT, row.number(), null)) {
          UUID lot = stock.lot(warehouse.code(), line.itemCode(), change.batchNo()).orElseThrow().id();
          store.allocation(id, lot, -change.quantity());
        }
      }
      store.setLine(id, line.itemCode(), "allocated", quantity);
    }
    return steps.view(id);
  }

  /**
   * Plans the dispatch of an ALLOCATED request (the request stays ALLOCATED; its dispatch is PLANNED): the
   * vehicle, driver, green pass and departure time, planned again while it has not left. The pass must be
   * VALID on the planned day (409 naming its status then).
   */
  @Transactional
  public SupplyRequest planDispatch(UUID id, DispatchOrder order) {
    RequestStore.RequestRow row = steps.ready(id, RequestState.Step.DISPATCH);
    OffsetDateTime now = steps.now().atOffset(ZoneOffset.UTC);
    OffsetDateTime plannedAt = order == null || order.plannedAt() == null ? now : order.plannedAt();
    List<FieldProblem> problems = new ArrayList<>();
    if (plannedAt.toLocalDate().isBefore(now.toLocalDate()) || plannedAt.isAfter(now.plusDays(MAX_PLAN_DAYS))) {
      problems.add(FieldProblem.of("plannedAt", "supplies.dispatch.plannedAt", MAX_PLAN_DAYS));
    }
    Dispatch.Vehicle vehicle = vehicle(order, problems);
    Checkpoints.PassCheck check = checkpoints.check(vehicle.greenPassNumber(), null);
    Checkpoints.PassStatus status = statusOn(check, plannedAt.atZoneSameInstant(steps.zone()).toLocalDate());
    if (status != Checkpoints.PassStatus.VALID) {
      throw Conflict.naming("supplies.dispatch.passStatus", status.name());
    }
    samePlate(check, vehicle);
    Optional<Dispatch> planned = store.dispatch(id);
    Dispatch dispatch = planned.orElseGet(() -> Dispatch.plan(row.warehouseCode(), vehicle, plannedAt,
        order.expectedAt()));
    if (planned.isPresent()) {
      dispatch.replan(vehicle, plannedAt, order.expectedAt());
    }
    store.saveDispatch(id, dispatch);
    steps.note(row, "dispatch PLANNED " + vehicle.plate() + " " + vehicle.greenPassNumber() + " " + plannedAt);
    return steps.view(id);
  }

  /**
   * ALLOCATED → DISPATCHED, the dispatch PLANNED → DEPARTED: the planned vehicle leaves (or the one given,
   * planned and leaving at once) with a pass the movement module finds VALID today.
   */
  @Transactional
  public SupplyRequest dispatch(UUID id, DispatchOrder order) {
    RequestStore.RequestRow row = steps.ready(id, RequestState.Step.DISPATCH);
    Optional<Dispatch> planned = store.dispatch(id);
    boolean given = order != null && order.vehiclePlate() != null && !order.vehiclePlate().isBlank()
        || planned.isEmpty();
    Dispatch.Vehicle vehicle = given ? vehicle(order, new ArrayList<>()) : planned.get().vehicle();
    Checkpoints.PassCheck check = checkpoints.check(vehicle.greenPassNumber(), null);
    if (check.status() != Checkpoints.PassStatus.VALID) {
      throw Conflict.naming("supplies.dispatch.passStatus", check.status().name());
    }
    samePlate(check, vehicle);
    OffsetDateTime now = steps.now().atOffset(ZoneOffset.UTC);
    OffsetDateTime expected = order != null && order.expectedAt() != null ? order.expectedAt()
        : planned.map(Dispatch::expectedAt).orElse(null);
    Dispatch dispatch = planned.orElseGet(() -> Dispatch.plan(row.warehouseCode(), vehicle, now, expected));
    if (planned.isPresent() && given) {
      dispatch.replan(vehicle, dispatch.plannedAt(), expected);
    }
    dispatch.depart(now);
    steps.move(row, RequestState.Step.DISPATCH, RequestState.DISPATCHED, null, Map.of(),
        vehicle.plate() + " " + vehicle.greenPassNumber());
    store.saveDispatch(id, dispatch);
    store.lines(id).forEach(l -> store.setLine(id, l.itemCode(), "dispatched", l.allocated() == null ? 0
        : l.allocated()));
    return steps.view(id);
  }

  /** The vehicle as given; 400 per wrong field (with {@code problems} found before), nothing stored. */
  private static Dispatch.Vehicle vehicle(DispatchOrder order, List<FieldProblem> problems) {
    DispatchOrder o = order == null ? new DispatchOrder(null, null, null, null, null, null) : order;
    String plate = o.vehiclePlate() == null ? null
        : o.vehiclePlate().replaceAll("[\\s·.\\-]", "").toUpperCase(java.util.Locale.ROOT);
    if (plate == null || !plate.matches("\\p{IsHan}[A-Z][A-Z0-9]{4,5}[A-Z0-9\\p{IsHan}]")) {
      problems.add(FieldProblem.of("vehiclePlate", "supplies.dispatch.plate"));
    }
    SupplyCatalog.text(o.driver(), "driver", 50, problems);
    if (o.driverPhone() == null || !o.driverPhone().strip().matches("\\+?[0-9-]{7,20}")) {
      problems.add(FieldProblem.of("driverPhone", "supplies.dispatch.phone"));
    }
    if (o.greenPassNumber() == null || o.greenPassNumber().isBlank()) {
      problems.add(FieldProblem.of("greenPassNumber", "supplies.dispatch.pass"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return new Dispatch.Vehicle(plate, o.driver().strip(), o.driverPhone().strip(), o.greenPassNumber().strip());
  }

  /** The pass must be issued for the vehicle's plate (400 otherwise); the vehicle takes the pass's own number. */
  private static void samePlate(Checkpoints.PassCheck check, Dispatch.Vehicle vehicle) {
    if (!check.pass().plate().equals(vehicle.plate())) {
      throw new ValidationFailure(FieldProblem.of("greenPassNumber", "supplies.dispatch.passPlate", check.pass()
          .plate()));
    }
  }

  /** The pass's status on a day: VALID inside its validity, EXPIRED after it, NOT_YET_VALID before. */
  static Checkpoints.PassStatus statusOn(Checkpoints.PassCheck check, LocalDate day) {
    if (check.pass() == null) {
      return Checkpoints.PassStatus.UNKNOWN;
    }
    if (day.isBefore(check.pass().validFrom())) {
      return Checkpoints.PassStatus.NOT_YET_VALID;
    }
    return day.isAfter(check.pass().validTo()) ? Checkpoints.PassStatus.EXPIRED : Checkpoints.PassStatus.VALID;
  }

  /** DISPATCHED → RECEIVED, or RECEIVED_WITH_DISCREPANCY when less arrived than was dispatched. */
  @Transactional
  public SupplyRequest receive(UUID id, List<Receipt> receipts, String note) {
    RequestStore.RequestRow row = steps.ready(id, RequestState.Step.RECEIVE);
    Map<String, Long> given = new HashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (Receipt r : receipts == null ? List.<Receipt>of() : receipts) {
      if (r == null || r.itemCode() == null) {
        problems.add(FieldProblem.of("itemCode", "supplies.item.unknown"));
      } else {
        given.put(r.itemCode().strip(), r.received());
      }
    }
    Map<String, Long> received = new LinkedHashMap<>();
    boolean shortfall = false;
    for (RequestStore.LineRow line : store.lines(id)) {
      long dispatched = line.dispatched() == null ? 0 : line.dispatched();
      Long quantity = given.containsKey(line.itemCode()) ? given.remove(line.itemCode()) : Long.valueOf(dispatched);
      if (quantity == null || quantity < 0 || quantity > dispatched) {
        problems.add(FieldProblem.of("received", "supplies.request.received", line.itemCode(), dispatched));
        continue;
      }
      shortfall |= quantity < dispatched;
      received.put(line.itemCode(), quantity);
    }
    if (!given.isEmpty()) {
      problems.add(FieldProblem.of("itemCode", "supplies.item.unknown"));
    }
    String text = SupplyCatalog.blank(note);
    if (text != null && text.length() > 500) {
      problems.add(FieldProblem.of("note", "supplies.text", 500));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    RequestState to = shortfall ? RequestState.RECEIVED_WITH_DISCREPANCY : RequestState.RECEIVED;
    Dispatch dispatch = store.dispatch(id).orElseThrow();
    dispatch.deliver(steps.username(), steps.now().atOffset(ZoneOffset.UTC), text);
    steps.move(row, RequestState.Step.RECEIVE, to, null, Map.of(), received + (text == null ? "" : " " + text));
    received.forEach((item, q) -> store.setLine(id, item, "received", q));
    store.saveDispatch(id, dispatch);
    return steps.view(id);
  }
}
