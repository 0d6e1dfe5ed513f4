package org.epicommand.supplies;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supplies.internal.CatalogStore;
import org.epicommand.supplies.internal.StockStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock ledger: receipts, issues, transfers and stock counts in a warehouse the caller reaches (a
 * keeper: theirs). Every change appends a ledger row in the transaction that changes the lot; taking
 * stock is one guarded update ({@code on_hand >= :q}), so on hand never goes negative and a shortfall is
 * 409 naming what is on hand. Issues without a batch take the lots that expire first; a donated lot
 * without its certificate is not issued.
 */
@Service
public class StockLedger {

  /** What the ledger API accepts: a receipt, an issue, a transfer to another warehouse or a stock count. */
  public enum Operation { RECEIPT, ISSUE, TRANSFER, COUNT_ADJUSTMENT }

  /**
   * One movement; {@code quantity}: what is received, issued or transferred, or for a count what was
   * counted; {@code batchNo}: required for receipts and counts, optional for issues and transfers (then
   * the first to expire); {@code toWarehouseCode}: a transfer's destination.
   */
  public record Movement(Operation operation, String warehouseCode, String itemCode, String batchNo, Long quantity,
      LocalDate expiryDate, LotSource source, String supplier, Boolean certificateOk, BigDecimal unitPrice,
      String toWarehouseCode, String reference, String note) {}

  /** A lot after a movement, with the signed quantity the ledger recorded for it. */
  public record LotChange(String warehouseCode, String itemCode, String batchNo, MovementKind kind, long quantity,
      long onHand) {}

  public static final long MAX_QUANTITY = 1_000_000_000L;
  static final String SUBJECT = "SUPPLY_STOCK";

  private final StockStore store;
  private final SupplyCatalog catalog;
  private final CatalogStore catalogStore;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  StockLedger(StockStore store, SupplyCatalog catalog, CatalogStore catalogStore, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.catalogStore = catalogStore;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records a movement; the lots it changed. */
  @Transactional
  public List<LotChange> record(Movement m) {
    List<FieldProblem> problems = new ArrayList<>();
    if (m.operation() == null) {
      problems.add(FieldProblem.of("operation", "supplies.stock.operation"));
    }
    long quantity = m.quantity() == null ? -1 : m.quantity();
    boolean count = m.operation() == Operation.COUNT_ADJUSTMENT;
    if (quantity < (count ? 0 : 1) || quantity > MAX_QUANTITY) {
      problems.add(FieldProblem.of("quantity", "supplies.quantity"));
    }
    SupplyItem item = m.itemCode() == null ? null : catalogStore.item(m.itemCode().strip()).orElse(null);
    if (item == null) {
      problems.add(FieldProblem.of("itemCode", "supplies.item.unknown"));
    }
    boolean known = m.warehouseCode() != null && catalogStore.warehouse(m.warehouseCode().strip()).isPresent();
    if (!known) {
      problems.add(FieldProblem.of("warehouseCode", "supplies.warehouse.unknown"));
    }
    String batch = SupplyCatalog.blank(m.batchNo());
    if ((m.operation() == Operation.RECEIPT || count) && (batch == null || batch.length() > 50)) {
      problems.add(FieldProblem.of("batchNo", "supplies.stock.batch"));
    }
    CatalogStore.WarehouseRow to = null;
    if (m.operation() == Operation.TRANSFER) {
      to = m.toWarehouseCode() == null ? null : catalogStore.warehouse(m.toWarehouseCode().strip()).orElse(null);
      if (to == null || to.code().equals(m.warehouseCode().strip())) {
        problems.add(FieldProblem.of("toWarehouseCode", "supplies.warehouse.unknown"));
      }
    }
    if (m.unitPrice() != null && m.unitPrice().signum() < 0) {
      problems.add(FieldProblem.of("unitPrice", "supplies.stock.price"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    CatalogStore.WarehouseRow warehouse = catalog.reachable(m.warehouseCode());
    if (!warehouse.active() || to != null && !to.active()) {
      throw Conflict.naming("supplies.warehouse.isRetired", SupplyCatalog.RETIRED);
    }
    if (!item.active()) {
      throw Conflict.naming("supplies.item.isRetired", SupplyCatalog.RETIRED);
    }
    String reference = SupplyCatalog.blank(m.reference());
    String note = SupplyCatalog.blank(m.note());
    List<LotChange> changes = switch (m.operation()) {
      case RECEIPT -> {
        LotSource source = m.source() == null ? LotSource.PURCHASE : m.source();
        boolean certificate = m.certificateOk() != null ? m.certificateOk() : source != LotSource.DONATION;
        yield List.of(receive(new StockStore.LotRow(null, item.code(), warehouse.code(), batch, m.expiryDate(), 0,
            source, SupplyCatalog.blank(m.supplier()), certificate, m.unitPrice()), quantity, MovementKind.RECEIPT,
            reference, note));
      }
      case ISSUE -> take(warehouse.code(), item.code(), batch, quantity, MovementKind.ISSUE, reference, note);
      case TRANSFER -> transfer(warehouse.code(), to.code(), item.code(), batch, quantity, reference, note);
      case COUNT_ADJUSTMENT -> List.of(count(warehouse.code(), item.code(), batch, quantity, note));
    };
    audit.record(AuditAction.UPDATE, SUBJECT, warehouse.code(), m.operation() + " " + item.code()
        + (batch == null ? "" : " " + batch) + " " + quantity);
    return changes;
  }

  /**
   * A receipt from the {@code stock-receipts} import, checked like the API's without throwing: each problem
   * goes into {@code problems} (nothing stored then). A batch is received once: the same row imported again
   * is {@code false} (already present), a batch already in the warehouse otherwise a problem on
   * {@code batchNo} (correct it with a stock count).
   */
  public boolean importReceipt(String warehouseCode, String itemCode, String batchNo, Long quantity, LocalDate expiry,
      LotSource source, String supplier, List<FieldProblem> problems) {
    SupplyItem item = itemCode == null ? null : catalogStore.item(itemCode).filter(SupplyItem::active).orElse(null);
    if (item == null) {
      problems.add(FieldProblem.of("itemCode", "supplies.item.unknown"));
    }
    var scope = currentUser.get().scope();
    CatalogStore.WarehouseRow warehouse = warehouseCode == null ? null : catalogStore.warehouse(warehouseCode)
        .filter(w -> w.active() && scope.contains(w.path())).orElse(null);
    if (warehouse == null) {
      problems.add(FieldProblem.of("warehouseCode", "supplies.warehouse.unknown"));
    }
    if (batchNo == null || batchNo.length() > 50) {
      problems.add(FieldProblem.of("batchNo", "supplies.stock.batch"));
    }
    if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
      problems.add(FieldProblem.of("quantity", "supplies.quantity"));
    }
    if (!problems.isEmpty()) {
      return false;
    }
    var existing = store.lot(warehouse.code(), item.code(), batchNo);
    if (existing.isPresent()) {
      if (!store.importedReceipts(existing.get().id()).contains(quantity)) {
        problems.add(FieldProblem.of("batchNo", "supplies.import.batchExists"));
      }
      return false;
    }
    LotSource from = source == null ? LotSource.PURCHASE : source;
    receive(new StockStore.LotRow(null, item.code(), warehouse.code(), batchNo, expiry, 0, from, supplier,
        from != LotSource.DONATION, null), quantity, MovementKind.RECEIPT, "IMPORT", null);
    audit.record(AuditAction.UPDATE, SUBJECT, warehouse.code(), "RECEIPT " + item.code() + " " + batchNo + " "
        + quantity
        + " (import)");
    return true;
  }

  /**
   * Takes {@code quantity} of the item out of the warehouse, first to expire first (a batch: only it),
   * each lot by one guarded update; 409 naming what is on hand when there is not enough. For the module's
   * allocations too.
   */
  List<LotChange> take(String warehouseCode, String itemCode, String batch, long quantity, MovementKind kind,
      String reference, String note) {
    List<StockStore.LotRow> lots = store.lockLots(warehouseCode, itemCode, batch);
    if (batch != null && lots.isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("batchNo", "supplies.stock.noBatch"));
    }
    List<StockStore.LotRow> usable = lots.stream().filter(StockStore.LotRow::certificateOk).toList();
    if (batch != null && usable.isEmpty()) {
      throw Conflict.of("supplies.stock.certificate");
    }
    long available = usable.stream().mapToLong(StockStore.LotRow::onHand).sum();
    if (available < quantity) {
      throw Conflict.naming("supplies.stock.short", NumberFormat.getIntegerInstance(Locale.ROOT).format(available));
    }
    String username = currentUser.get().username();
    List<LotChange> changes = new ArrayList<>();
    long remaining = quantity;
    for (StockStore.LotRow lot : usable) {
      if (remaining == 0) {
        break;
      }
      long part = Math.min(remaining, lot.onHand());
      if (part == 0) {
        continue;
      }
      if (!store.take(lot.id(), part)) {
        throw Conflict.naming("supplies.stock.short", NumberFormat.getIntegerInstance(Locale.ROOT).format(available));
      }
      store.append(lot.id(), kind, -part, reference, username, clock.instant(), note);
      changes.add(new LotChange(warehouseCode, itemCode, lot.batchNo(), kind, -part, lot.onHand() - part));
      remaining -= part;
    }
    if (kind == MovementKind.ISSUE || kind == MovementKind.ALLOCATION_OUT) {
      store.addUse(warehouseCode, itemCode, LocalDate.now(clock), quantity);
    }
    return changes;
  }

  private LotChange receive(StockStore.LotRow lot, long quantity, MovementKind kind, String reference, String note) {
    StockStore.LotRow stored = store.receive(lot, quantity, clock.instant());
    store.append(stored.id(), kind, quantity, reference, currentUser.get().username(), clock.instant(), note);
    return new LotChange(stored.warehouseCode(), stored.itemCode(), stored.batchNo(), kind, quantity, stored.onHand());
  }

  private List<LotChange> transfer(String from, String to, String itemCode, String batch, long quantity,
      String reference, String note) {
    List<LotChange> changes = new ArrayList<>(take(from, itemCode, batch, quantity, MovementKind.TRANSFER_OUT,
        reference, note));
    for (LotChange out : List.copyOf(changes)) {
      StockStore.LotRow source = store.lot(from, itemCode, out.batchNo()).orElseThrow();
      changes.add(receive(new StockStore.LotRow(null, itemCode, to, out.batchNo(), source.expiryDate(), 0,
          LotSource.TRANSFER_IN, source.supplier(), source.certificateOk(), source.unitPrice()), -out.quantity(),
          MovementKind.TRANSFER_IN, reference, note));
    }
    return changes;
  }

  private LotChange count(String warehouseCode, String itemCode, String batch, long counted, String note) {
    StockStore.LotRow lot = store.lockLots(warehouseCode, itemCode, batch).stream().findFirst()
        .orElseThrow(() -> new ValidationFailure(FieldProblem.of("batchNo", "supplies.stock.noBatch")));
    store.setOnHand(lot.id(), counted);
    store.append(lot.id(), MovementKind.COUNT_ADJUSTMENT, counted - lot.onHand(), null, currentUser.get().username(),
        clock.instant(), note);
    return new LotChange(warehouseCode, itemCode, batch, MovementKind.COUNT_ADJUSTMENT, counted - lot.onHand(),
        counted);
  }
}
