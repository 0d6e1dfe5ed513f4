package org.epicommand.supplies.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.supplies.LotSource;
import org.epicommand.supplies.MovementKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock lots, the append-only ledger and daily use. On hand changes only in the same statement that
 * guards it ({@code on_hand >= :q}), always together with a ledger row.
 */
@Repository
public class StockStore {

  /** A lot as stored. */
  public record LotRow(UUID id, String itemCode, String warehouseCode, String batchNo, LocalDate expiryDate,
      long onHand,
      LotSource source, String supplier, boolean certificateOk, BigDecimal unitPrice) {}

  /** A lot expiring soon with the names its notice speaks of. */
  public record ExpiringLot(String warehouseCode, String warehouseName, String jurisdictionCode, String itemCode,
      String itemName, String batchNo, LocalDate expiryDate) {}

  /** On hand and recent use of one item in one warehouse. */
  public record Level(String warehouseCode, String itemCode, long onHand, long used) {}

  private static final String LOT = "select id, item_code, warehouse_code, batch_no, expiry_date, on_hand, source,"
      + " supplier, certificate_ok, unit_price from supply_stock_lot ";

  /** The advisory lock of the rollup {@code supply_stock_level}: its triggers take it shared. */
  private static final long LEVEL_LOCK = 7_301_200_906L;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  StockStore(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** Adds to the lot (created when new; a known batch keeps its expiry and source); its id and on hand after. */
  public LotRow receive(LotRow lot, long quantity, Instant at) {
    return jdbc.sql(
        "insert into supply_stock_lot (id, item_code, warehouse_code, batch_no, expiry_date, on_hand, source,"
            + " supplier, certificate_ok, unit_price, created_at) values (:id, :item, :wh, :batch, :expiry, :q, :source,"
            + " :supplier, :cert, :price, :at) on conflict (warehouse_code, item_code, batch_no)"
            + " do update set on_hand = supply_stock_lot.on_hand + excluded.on_hand"
            + " returning id, item_code, warehouse_code, batch_no, expiry_date, on_hand, source, supplier, certificate_ok,"
            + " unit_price")
        .param("id", UUID.randomUUID()).param("item", lot.itemCode()).param("wh", lot.warehouseCode())
        .param("batch", lot.batchNo()).param("expiry", lot.expiryDate()).param("q", quantity)
        .param("source", lot.source().name()).param("supplier", lot.supplier()).param("cert", lot.certificateOk())
        .param("price", lot.unitPrice()).param("at", Timestamp.from(at)).query(StockStore::lot).single();
  }

  /** The item's lots in the warehouse, locked, first to expire first (no expiry last); a batch: only it. */
  public List<LotRow> lockLots(String warehouseCode, String itemCode, String batchNo) {
    return jdbc.sql(LOT + "where warehouse_code = :wh and item_code = :item"
            + " and (cast(:batch as varchar) is null or batch_no = :batch)"
            + " order by expiry_date nulls last, created_at, id for update")
        .param("wh", warehouseCode).param("item", itemCode).param("batch", batchNo).query(StockStore::lot).list();
  }

  /** Takes {@code quantity} off the lot when it has that much (one guarded statement); false otherwise. */
  public boolean take(UUID lot, long quantity) {
    return jdbc.sql("update supply_stock_lot set on_hand = on_hand - :q where id = :id and on_hand >= :q")
        .param("q", quantity).param("id", lot).update() == 1;
  }

  /** Sets the lot's on hand to what was counted. */
  public void setOnHand(UUID lot, long counted) {
    jdbc.sql("update supply_stock_lot set on_hand = :q where id = :id").param("q", counted).param("id", lot).update();
  }

  /** Appends a ledger row. */
  public void append(UUID lot, MovementKind kind, long signedQuantity, String reference, String username, Instant at,
      String note) {
    jdbc.sql("insert into supply_stock_movement (lot_id, kind, quantity, reference, username, at, note)"
            + " values (:lot, :kind, :q, :ref, :by, :at, :note)")
        .param("lot", lot).param("kind", kind.name()).param("q", signedQuantity).param("ref", reference)
        .param("by", username).param("at", Timestamp.from(at)).param("note", note).update();
  }

  /** Adds issued quantity to the day's use of the item in the warehouse. */
  public void addUse(String warehouseCode, String itemCode, LocalDate day, long quantity) {
    jdbc.sql("insert into supply_daily_use (warehouse_code, item_code, day, quantity) values (:wh, :item, :day, :q)"
            + " on conflict (warehouse_code, item_code, day) do update set quantity = supply_daily_use.quantity + excluded.quantity")
        .param("wh", warehouseCode).param("item", itemCode).param("day", day).param("q", quantity).update();
  }

  /** The quantities the lot was received with by imports (reference {@code IMPORT}). */
  public List<Long> importedReceipts(UUID lot) {
    return jdbc.sql("select quantity from supply_stock_movement where lot_id = :lot and kind = 'RECEIPT'"
        + " and reference = 'IMPORT'").param("lot", lot).query(Long.class).list();
  }

  /** The lots of a warehouse with stock, by item and expiry. */
  public List<LotRow> lots(String warehouseCode) {
    return jdbc.sql(LOT
        + "where warehouse_code = :wh and on_hand > 0 order by item_code, expiry_date nulls last, batch_no")
        .param("wh", warehouseCode).query(StockStore::lot).list();
  }

  public Optional<LotRow> lot(String warehouseCode, String itemCode, String batchNo) {
    return jdbc.sql(LOT + "where warehouse_code = :wh and item_code = :item and batch_no = :batch")
        .param("wh", warehouseCode).param("item", itemCode).param("batch", batchNo).query(StockStore::lot).optional();
  }

  /**
   * On hand and use over the days {@code (from, to]} per warehouse × item, for the active warehouses inside
   * the scope; {@code item} and {@code warehouses} narrow it when not null. Read from the rollup
   * {@code supply_stock_level} that triggers keep in step with the lots and daily use; its window is moved to
   * {@code (from, to]} first when it counts other days (the first read of a day).
   */
  public List<Level> levels(JurisdictionScope scope, Collection<String> warehouses, String item, LocalDate from,
      LocalDate to) {
    moveWindow(from, to);
    String sql = "select s.warehouse_code, s.item_code, s.on_hand, s.used_window from supply_stock_level s"
        + " join supply_warehouse w on w.code = s.warehouse_code where w.retired_at is null and "
        + scope.predicate("w.jurisdiction_path")
        + " and (cast(:item as varchar) is null or s.item_code = :item)"
        + (warehouses == null ? "" : warehouses.isEmpty() ? " and false" : " and s.warehouse_code in (:whs)")
        + " order by s.warehouse_code, s.item_code";
    var spec = scope.bind(jdbc.sql(sql)).param("item", item);
    if (warehouses != null && !warehouses.isEmpty()) {
      spec = spec.param("whs", warehouses);
    }
    return spec.query((rs, n) -> new Level(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
  }

  /**
   * Moves the rollup's use window to the days {@code (from, to]} when it counts other days: recomputes the use
   * of every cell, set-based, in one short transaction holding the advisory lock every rollup trigger takes
   * shared (so no write slips between the sums and the new window); false when it was there already.
   */
  public boolean moveWindow(LocalDate from, LocalDate to) {
    int days = (int) ChronoUnit.DAYS.between(from, to);
    if (windowIs(to, days)) {
      return false;
    }
    return Boolean.TRUE.equals(transactions.execute(tx -> {
      jdbc.sql("select pg_advisory_xact_lock(" + LEVEL_LOCK + ")").query((rs, n) -> 1).list();
      if (windowIs(to, days)) {
        return false;
      }
      jdbc.sql("update supply_stock_level s set used_window = u.used from (select warehouse_code, item_code,"
              + " sum(quantity) as used from supply_daily_use where day > :from and day <= :to"
              + " group by warehouse_code, item_code) u where s.warehouse_code = u.warehouse_code"
              + " and s.item_code = u.item_code and s.used_window <> u.used")
          .param("from", from).param("to", to).update();
      jdbc.sql("update supply_stock_level s set used_window = 0 where s.used_window <> 0 and not exists (select 1"
              + " from supply_daily_use u where u.warehouse_code = s.warehouse_code and u.item_code = s.item_code"
              + " and u.day > :from and u.day <= :to)")
          .param("from", from).param("to", to).update();
      jdbc.sql("update supply_stock_window set window_end = :to, window_days = :days")
          .param("to", to).param("days", days).update();
      return true;
    }));
  }

  private boolean windowIs(LocalDate to, int days) {
    return jdbc.sql("select count(*) from supply_stock_window where window_end = :to and window_days = :days")
        .param("to", to).param("days", days).query(Integer.class).single() == 1;
  }

  /** Lots with stock expiring on or before {@code until} in active warehouses inside the scope. */
  public List<LotRow> expiring(JurisdictionScope scope, Collection<String> warehouses, LocalDate until) {
    String sql = LOT + "where on_hand > 0 and expiry_date <= :until and warehouse_code in (select code from"
        + " supply_warehouse w where w.retired_at is null and " + scope.predicate("w.jurisdiction_path") + ")"
        + (warehouses == null ? "" : warehouses.isEmpty() ? " and false" : " and warehouse_code in (:whs)")
        + " order by expiry_date, warehouse_code limit 500";
    var spec = scope.bind(jdbc.sql(sql)).param("until", until);
    if (warehouses != null && !warehouses.isEmpty()) {
      spec = spec.param("whs", warehouses);
    }
    return spec.query(StockStore::lot).list();
  }

  /** The top divisions (first path segment) holding active warehouses: the roots a system sweep walks. */
  public List<String> warehouseRoots() {
    return jdbc.sql("select distinct split_part(jurisdiction_path, '/', 2) from supply_warehouse"
        + " where retired_at is null order by 1").query(String.class).list();
  }

  /** Lots with stock expiring on or before {@code until} in active warehouses inside the scope. */
  public List<ExpiringLot> expiringLots(JurisdictionScope scope, LocalDate until) {
    return scope.bind(jdbc.sql("select l.warehouse_code, w.name, w.jurisdiction_code, l.item_code, i.name_zh,"
            + " l.batch_no, l.expiry_date from supply_stock_lot l join supply_warehouse w on w.code = l.warehouse_code"
            + " join supply_item i on i.code = l.item_code where l.on_hand > 0 and l.expiry_date <= :until"
            + " and w.retired_at is null and " + scope.predicate("w.jurisdiction_path")
            + " order by l.expiry_date, l.warehouse_code")).param("until", until)
        .query((rs, n) -> new ExpiringLot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class))).list();
  }

  /** Claims the notice of one alert; false when it was sent already. */
  public boolean claimNotice(String kind, String warehouseCode, String itemCode, String batchNo, LocalDate day,
      Instant at) {
    return jdbc.sql("insert into supply_stock_notice (kind, warehouse_code, item_code, batch_no, day, notified_at)"
            + " values (:kind, :wh, :item, :batch, :day, :at) on conflict do nothing")
        .param("kind", kind).param("wh", warehouseCode).param("item", itemCode).param("batch", batchNo)
        .param("day", day).param("at", Timestamp.from(at)).update() == 1;
  }

  private static LotRow lot(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new LotRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getObject(5, LocalDate.class), rs.getLong(6), LotSource.valueOf(rs.getString(7)), rs.getString(8),
        rs.getBoolean(9), rs.getBigDecimal(10));
  }
}
