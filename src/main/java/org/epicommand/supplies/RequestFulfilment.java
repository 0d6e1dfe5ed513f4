package org.epicommand.supplies;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.movement.Checkpoints;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supplies.internal.CatalogStore;
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

  /** The vehicle of a dispatch; {@code expectedAt} optional. */
  public record DispatchOrder(String vehiclePlate, String driver, String driverPhone, String greenPassNumber,
      OffsetDateTime expectedAt) {}

  /** What arrived of one line; a line not named arrived as dispatched. */
  public record Receipt(String itemCode, Long received) {}

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
      throw Conflict.of("supplies.warehouse.retired");
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

  /** ALLOCATED → DISPATCHED: the vehicle leaves with a pass the movement module finds VALID today. */
  @Transactional
  public SupplyRequest dispatch(UUID id, DispatchOrder order) {
    RequestStore.RequestRow row = steps.ready(id, RequestState.Step.DISPATCH);
    List<FieldProblem> problems = new ArrayList<>();
    String plate = order.vehiclePlate() == null ? null
        : order.vehiclePlate().replaceAll("[\\s·.\\-]", "").toUpperCase(java.util.Locale.ROOT);
    if (plate == null || !plate.matches("\\p{IsHan}[A-Z][A-Z0-9]{4,5}[A-Z0-9\\p{IsHan}]")) {
      problems.add(FieldProblem.of("vehiclePlate", "supplies.dispatch.plate"));
    }
    SupplyCatalog.text(order.driver(), "driver", 50, problems);
    if (order.driverPhone() == null || !order.driverPhone().strip().matches("\\+?[0-9-]{7,20}")) {
      problems.add(FieldProblem.of("driverPhone", "supplies.dispatch.phone"));
    }
    if (order.greenPassNumber() == null || order.greenPassNumber().isBlank()) {
      problems.add(FieldProblem.of("greenPassNumber", "supplies.dispatch.pass"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Checkpoints.PassCheck check = checkpoints.check(order.greenPassNumber(), null);
    if (check.status() != Checkpoints.PassStatus.VALID) {
      throw Conflict.naming("supplies.dispatch.passStatus", check.status().name());
    }
    if (!check.pass().plate().equals(plate)) {
      throw new ValidationFailure(FieldProblem.of("greenPassNumber", "supplies.dispatch.passPlate", check.pass()
          .plate()));
    }
    OffsetDateTime now = steps.now().atOffset(java.time.ZoneOffset.UTC);
    steps.move(row, RequestState.Step.DISPATCH, RequestState.DISPATCHED, null, Map.of(),
        plate + " " + check.pass().passNumber());
    store.insertDispatch(id, new RequestStore.DispatchRow(UUID.randomUUID(), row.warehouseCode(), plate,
        order.driver().strip(), order.driverPhone().strip(), check.pass().passNumber(), DispatchState.DEPARTED, now,
        order.expectedAt(), null, null, null));
    store.lines(id).forEach(l -> store.setLine(id, l.itemCode(), "dispatched", l.allocated() == null ? 0
        : l.allocated()));
    return steps.view(id);
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
    steps.move(row, RequestState.Step.RECEIVE, to, null, Map.of(), received + (text == null ? "" : " " + text));
    received.forEach((item, q) -> store.setLine(id, item, "received", q));
    store.deliver(id, steps.username(), steps.now().atOffset(java.time.ZoneOffset.UTC), text);
    return steps.view(id);
  }
}
