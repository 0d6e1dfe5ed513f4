package org.epicommand.supplies.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.supplies.SupplyCategory;
import org.epicommand.supplies.SupplyItem;
import org.epicommand.supplies.WarehouseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code supply_item} and {@code supply_warehouse} tables: the catalogue and the warehouses. */
@Repository
public class CatalogStore {

  /** A warehouse as stored: its division's path decides who sees it. */
  public record WarehouseRow(String code, String name, WarehouseKind kind, String jurisdictionCode, String path,
      String address, String organisationCode, int targetDays, boolean active) {}

  private static final String ITEM = "select code, name_zh, name_en, category, unit, standard, shelf_life_days,"
      + " per_capita_daily_use, necessity, min_on_hand, retired_at, unit_price from supply_item ";
  private static final String WAREHOUSE = "select code, name, kind, jurisdiction_code, jurisdiction_path, address,"
      + " organisation_code, target_days, retired_at from supply_warehouse ";

  private final JdbcClient jdbc;

  CatalogStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the item; false when its code is taken. */
  public boolean insertItem(SupplyItem item, Instant at) {
    return jdbc.sql("insert into supply_item (code, name_zh, name_en, category, unit, standard, shelf_life_days,"
            + " per_capita_daily_use, necessity, min_on_hand, unit_price, created_at, updated_at) values (:code, :zh, :en,"
            + " :category, :unit, :standard, :shelf, :perCapita, :necessity, :min, :price, :at, :at) on conflict do nothing")
        .param("price", item.unitPrice())
        .param("code", item.code()).param("zh", item.nameZh()).param("en", item.nameEn())
        .param("category", item.category().name()).param("unit", item.unit()).param("standard", item.standard())
        .param("shelf", item.shelfLifeDays()).param("perCapita", item.perCapitaDailyUse())
        .param("necessity", item.necessity()).param("min", item.minOnHand()).param("at", Timestamp.from(at))
        .update() == 1;
  }

  /** Rewrites the item's fields (not its code or retirement). */
  public void updateItem(SupplyItem item, Instant at) {
    jdbc.sql("update supply_item set name_zh = :zh, name_en = :en, category = :category, unit = :unit,"
            + " standard = :standard, shelf_life_days = :shelf, per_capita_daily_use = :perCapita,"
            + " necessity = :necessity, min_on_hand = :min, unit_price = :price, updated_at = :at where code = :code")
        .param("price", item.unitPrice())
        .param("code", item.code()).param("zh", item.nameZh()).param("en", item.nameEn())
        .param("category", item.category().name()).param("unit", item.unit()).param("standard", item.standard())
        .param("shelf", item.shelfLifeDays()).param("perCapita", item.perCapitaDailyUse())
        .param("necessity", item.necessity()).param("min", item.minOnHand()).param("at", Timestamp.from(at)).update();
  }

  /** Retires the item; false when it was retired already. */
  public boolean retireItem(String code, Instant at) {
    return jdbc.sql("update supply_item set retired_at = :at, updated_at = :at where code = :code"
        + " and retired_at is null").param("code", code).param("at", Timestamp.from(at)).update() == 1;
  }

  /** Rewrites the warehouse's fields (not its code or retirement). */
  public void updateWarehouse(WarehouseRow row, Instant at) {
    jdbc.sql("update supply_warehouse set name = :name, kind = :kind, jurisdiction_code = :jc,"
            + " jurisdiction_path = :path, address = :address, organisation_code = :org, target_days = :target,"
            + " updated_at = :at where code = :code")
        .param("code", row.code()).param("name", row.name()).param("kind", row.kind().name())
        .param("jc", row.jurisdictionCode()).param("path", row.path()).param("address", row.address())
        .param("org", row.organisationCode()).param("target", row.targetDays()).param("at", Timestamp.from(at))
        .update();
  }

  /** Retires the warehouse; false when it was retired already. */
  public boolean retireWarehouse(String code, Instant at) {
    return jdbc.sql("update supply_warehouse set retired_at = :at, updated_at = :at where code = :code"
        + " and retired_at is null").param("code", code).param("at", Timestamp.from(at)).update() == 1;
  }

  /** Every warehouse inside the scope, retired ones too, in code order; {@code only}: just these when not null. */
  public List<WarehouseRow> allWarehouses(JurisdictionScope scope, Collection<String> only) {
    return warehouses(scope, only, false);
  }

  public Optional<SupplyItem> item(String code) {
    return jdbc.sql(ITEM + "where code = :code").param("code", code).query(CatalogStore::item).optional();
  }

  public List<SupplyItem> items(Collection<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(ITEM + "where code in (:codes)").param("codes", codes).query(CatalogStore::item).list();
  }

  /** Items in code order; {@code activeOnly} leaves out retired ones; {@code category} null: all. */
  public List<SupplyItem> items(SupplyCategory category, boolean activeOnly) {
    String where = "where (cast(:category as varchar) is null or category = :category)"
        + (activeOnly ? " and retired_at is null" : "");
    return jdbc.sql(ITEM + where + " order by code").param("category", category == null ? null : category.name())
        .query(CatalogStore::item).list();
  }

  /** Inserts the warehouse; false when its code is taken. */
  public boolean insertWarehouse(WarehouseRow row, Instant at) {
    return jdbc.sql("insert into supply_warehouse (code, name, kind, jurisdiction_code, jurisdiction_path, address,"
            + " organisation_code, target_days, created_at, updated_at) values (:code, :name, :kind, :jc, :path, :address,"
            + " :org, :target, :at, :at) on conflict do nothing")
        .param("code", row.code()).param("name", row.name()).param("kind", row.kind().name())
        .param("jc", row.jurisdictionCode()).param("path", row.path()).param("address", row.address())
        .param("org", row.organisationCode()).param("target", row.targetDays()).param("at", Timestamp.from(at))
        .update() == 1;
  }

  public Optional<WarehouseRow> warehouse(String code) {
    return jdbc.sql(WAREHOUSE + "where code = :code").param("code", code).query(CatalogStore::warehouse).optional();
  }

  public List<WarehouseRow> warehouses(Collection<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(WAREHOUSE + "where code in (:codes)").param("codes", codes).query(CatalogStore::warehouse).list();
  }

  /** The active warehouses inside the scope, in code order; {@code only}: when not null, just these codes. */
  public List<WarehouseRow> warehouses(JurisdictionScope scope, Collection<String> only) {
    return warehouses(scope, only, true);
  }

  private List<WarehouseRow> warehouses(JurisdictionScope scope, Collection<String> only, boolean activeOnly) {
    String where = "where " + (activeOnly ? "retired_at is null and " : "") + scope.predicate("jurisdiction_path")
        + (only == null ? "" : only.isEmpty() ? " and false" : " and code in (:only)");
    var spec = scope.bind(jdbc.sql(WAREHOUSE + where + " order by code"));
    if (only != null && !only.isEmpty()) {
      spec = spec.param("only", only);
    }
    return spec.query(CatalogStore::warehouse).list();
  }

  private static SupplyItem item(ResultSet rs, int n) throws SQLException {
    BigDecimal perCapita = rs.getBigDecimal(8);
    return new SupplyItem(rs.getString(1), rs.getString(2), rs.getString(3), SupplyCategory.valueOf(rs.getString(4)),
        rs.getString(5), rs.getString(6), (Integer) rs.getObject(7), perCapita, rs.getBoolean(9), rs.getLong(10),
        rs.getTimestamp(11) == null, rs.getBigDecimal(12));
  }

  private static WarehouseRow warehouse(ResultSet rs, int n) throws SQLException {
    return new WarehouseRow(rs.getString(1), rs.getString(2), WarehouseKind.valueOf(rs.getString(3)), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getTimestamp(9) == null);
  }
}
