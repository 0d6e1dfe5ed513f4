package org.epicommand.supplies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.supplies.internal.CatalogStore;
import org.epicommand.supplies.internal.KeeperBindings;
import org.epicommand.supplies.internal.StockStore;
import org.epicommand.supplies.internal.SuppliesProperties;
import org.springframework.stereotype.Service;

/**
 * What is in stock and for how long: a warehouse's lots, days of stock per warehouse × item (on hand ÷
 * the average daily use of the last days, {@code epicommand.supplies.use-window-days}), and the stock
 * alerts LOW_STOCK, BELOW_TARGET and EXPIRING, inside the caller's reach (a keeper: their warehouses).
 */
@Service
public class StockBoard {

  /** One lot in a warehouse; {@code expiring}: within {@code epicommand.supplies.expiring-within-days}. */
  public record Lot(String itemCode, String batchNo, LocalDate expiryDate, long onHand, LotSource source,
      String supplier, boolean certificateOk, boolean expiring) {}

  /** Days of stock of one item in one warehouse; {@code daysOfStock} null when nothing was used lately. */
  public record StockDays(String warehouseCode, String warehouseName, String jurisdictionCode, String itemCode,
      String itemName, String unit, long onHand, double averageDailyUse, Double daysOfStock, int targetDays,
      StockStatus status) {}

  /** A warehouse with its days of stock per item and its lots. */
  public record WarehouseStock(Warehouse warehouse, List<StockDays> items, List<Lot> lots) {}

  /** The stock alerts inside the caller's reach. */
  public record StockAlerts(List<StockDays> low, List<StockDays> belowTarget, List<Lot> expiring) {}

  /** Days of stock per warehouse × item and the alerts among them. */
  public record Overview(List<StockDays> days, StockAlerts alerts) {}

  private final StockStore store;
  private final CatalogStore catalogStore;
  private final SupplyCatalog catalog;
  private final KeeperBindings keepers;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final SuppliesProperties properties;
  private final Clock clock;

  StockBoard(StockStore store, CatalogStore catalogStore, SupplyCatalog catalog, KeeperBindings keepers,
      Jurisdictions jurisdictions, CurrentUser currentUser, SuppliesProperties properties, Clock clock) {
    this.store = store;
    this.catalogStore = catalogStore;
    this.catalog = catalog;
    this.keepers = keepers;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.properties = properties;
    this.clock = clock;
  }

  /** A warehouse's stock (404 outside the caller's reach). */
  public WarehouseStock stock(String warehouseCode) {
    CatalogStore.WarehouseRow warehouse = catalog.reachable(warehouseCode);
    List<StockDays> days = days(new JurisdictionScope(warehouse.jurisdictionCode(), warehouse.path()),
        Set.of(warehouse.code()), null);
    LocalDate until = LocalDate.now(clock).plusDays(properties.expiringWithinDays());
    List<Lot> lots = store.lots(warehouse.code()).stream().map(l -> lot(l, until)).toList();
    return new WarehouseStock(catalog.view(warehouse), days, lots);
  }

  /** Days of stock per warehouse × item inside a division (the caller's jurisdiction when none), for one item when
   * given. */
  public List<StockDays> stockDays(String jurisdiction, String itemCode) {
    UserContext user = currentUser.get();
    JurisdictionScope scope = jurisdictions.narrow(user.scope(), jurisdiction);
    return days(scope, keepers.warehousesOf(user).orElse(null), itemCode == null || itemCode.isBlank() ? null
        : itemCode.strip());
  }

  /** LOW_STOCK, BELOW_TARGET and EXPIRING inside the caller's reach. */
  public StockAlerts alerts() {
    return alerts(null);
  }

  /** LOW_STOCK, BELOW_TARGET and EXPIRING inside the caller's reach, inside a division when given (404 outside). */
  public StockAlerts alerts(String district) {
    return overview(district).alerts();
  }

  /**
   * The days of stock per warehouse × item and the stock alerts inside the caller's reach, inside a division when
   * given (404 outside), from one read of the levels.
   */
  public Overview overview(String district) {
    UserContext user = currentUser.get();
    JurisdictionScope scope = jurisdictions.narrow(user.scope(), district);
    Set<String> own = keepers.warehousesOf(user).orElse(null);
    List<StockDays> all = days(scope, own, null);
    LocalDate until = LocalDate.now(clock).plusDays(properties.expiringWithinDays());
    return new Overview(all, new StockAlerts(all.stream().filter(d -> d.status() == StockStatus.LOW_STOCK).toList(),
        all.stream().filter(d -> d.status() == StockStatus.BELOW_TARGET).toList(),
        store.expiring(scope, own, until).stream().map(l -> lot(l, until)).toList()));
  }

  /** Days of stock per warehouse × item inside the scope (warehouses and item narrowing it when not null). */
  List<StockDays> days(JurisdictionScope scope, Set<String> warehouses, String itemCode) {
    LocalDate today = LocalDate.now(clock);
    int window = Math.max(1, properties.useWindowDays());
    List<StockStore.Level> levels = store.levels(scope, warehouses, itemCode, today.minusDays(window), today);
    Set<String> itemCodes = new HashSet<>();
    Set<String> warehouseCodes = new HashSet<>();
    levels.forEach(l -> {
      itemCodes.add(l.itemCode());
      warehouseCodes.add(l.warehouseCode());
    });
    Map<String, SupplyItem> items = catalog.itemsByCode(itemCodes);
    Map<String, CatalogStore.WarehouseRow> rows = catalogStore.warehouses(warehouseCodes).stream()
        .collect(Collectors.toMap(CatalogStore.WarehouseRow::code, w -> w, (a, b) -> a, LinkedHashMap::new));
    List<StockDays> result = new ArrayList<>();
    for (StockStore.Level level : levels) {
      SupplyItem item = items.get(level.itemCode());
      CatalogStore.WarehouseRow warehouse = rows.get(level.warehouseCode());
      double average = (double) level.used() / window;
      Double days = average > 0 ? Math.round(level.onHand() / average * 10) / 10.0 : null;
      StockStatus status = days != null && days < properties.lowStockDays() || level.onHand() < item.minOnHand()
          ? StockStatus.LOW_STOCK : days != null && days < warehouse.targetDays() ? StockStatus.BELOW_TARGET
          : StockStatus.OK;
      result.add(new StockDays(warehouse.code(), warehouse.name(), warehouse.jurisdictionCode(), item.code(),
          item.nameZh(), item.unit(), level.onHand(), Math.round(average * 10) / 10.0, days, warehouse.targetDays(),
          status));
    }
    return result;
  }

  private static Lot lot(StockStore.LotRow l, LocalDate expiringUntil) {
    return new Lot(l.itemCode(), l.batchNo(), l.expiryDate(), l.onHand(), l.source(), l.supplier(), l.certificateOk(),
        l.expiryDate() != null && !l.expiryDate().isAfter(expiringUntil));
  }
}
