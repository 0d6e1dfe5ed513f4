package org.epicommand.supplies.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.EntityBindingsApi;
import org.epicommand.supplies.StockBoard;
import org.epicommand.supplies.StockLedger;
import org.epicommand.supplies.SupplyCatalog;
import org.epicommand.supplies.SupplyCategory;
import org.epicommand.supplies.SupplyItem;
import org.epicommand.supplies.Warehouse;
import org.epicommand.supplies.WarehouseKeepers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Items, warehouses, the stock ledger, a warehouse's stock, days of stock and the stock alerts
 * ({@code /api/v1/supplies/…}); the keepers bound to a warehouse ({@code /api/v1/supplies/warehouse-keepers/{code}}).
 */
@RestController
@RequestMapping("/api/v1/supplies")
@Tag(name = "Supplies")
class SuppliesApiController {

  static final String READ = "hasAnyAuthority('SUPPLIES_READ','SUPPLIES_MANAGE')";
  static final String MANAGE = "hasAuthority('SUPPLIES_MANAGE')";
  static final String STOCK_WRITE = "hasAnyAuthority('SUPPLIES_MANAGE','WAREHOUSE_OPERATE')";

  private final SupplyCatalog catalog;
  private final StockLedger ledger;
  private final StockBoard board;

  SuppliesApiController(SupplyCatalog catalog, StockLedger ledger, StockBoard board) {
    this.catalog = catalog;
    this.ledger = ledger;
    this.board = board;
  }

  @Operation(summary = "The catalogue in code order: active items, or all with all=true; by category when given")
  @GetMapping("/items")
  @PreAuthorize("hasAnyAuthority('SUPPLIES_READ','SUPPLIES_MANAGE','SUPPLIES_REQUEST')")
  List<SupplyItem> items(@RequestParam(required = false) SupplyCategory category,
      @RequestParam(required = false) Boolean all) {
    return catalog.items(category, Boolean.TRUE.equals(all));
  }

  @Operation(summary = "Adds an item (unit, category, necessities basket flag); a taken code is 409 with existingId")
  @PostMapping("/items")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGE)
  SupplyItem createItem(@RequestBody SupplyCatalog.NewItem request) {
    return catalog.createItem(request);
  }

  @Operation(summary = "An item of the catalogue, retired ones too")
  @GetMapping("/items/{code}")
  @PreAuthorize("hasAnyAuthority('SUPPLIES_READ','SUPPLIES_MANAGE','SUPPLIES_REQUEST')")
  SupplyItem item(@PathVariable String code) {
    return catalog.item(code);
  }

  @Operation(summary = "Corrects an item (the code stays); 400 per field, 409 naming RETIRED for a retired item")
  @PutMapping("/items/{code}")
  @PreAuthorize(MANAGE)
  SupplyItem correctItem(@PathVariable String code, @RequestBody SupplyCatalog.NewItem request) {
    return catalog.correctItem(code, request);
  }

  @Operation(summary = "Retires an item: readable, out of the pickers, no new work (409); retired again is 409")
  @PostMapping("/items/{code}/retire")
  @PreAuthorize(MANAGE)
  SupplyItem retireItem(@PathVariable String code) {
    return catalog.retireItem(code);
  }

  @Operation(summary = "A warehouse the caller reaches, retired ones too; 404 outside reach")
  @GetMapping("/warehouses/{code}")
  @PreAuthorize(READ)
  Warehouse warehouse(@PathVariable String code) {
    return catalog.warehouse(code);
  }

  @Operation(summary = "Corrects a warehouse (the code stays); 400 per field, 409 naming RETIRED for a retired one")
  @PutMapping("/warehouses/{code}")
  @PreAuthorize(MANAGE)
  Warehouse correctWarehouse(@PathVariable String code, @RequestBody SupplyCatalog.NewWarehouse request) {
    return catalog.correctWarehouse(code, request);
  }

  @Operation(summary = "Retires a warehouse: its stock stays readable, it takes no new work (409)")
  @PostMapping("/warehouses/{code}/retire")
  @PreAuthorize(MANAGE)
  Warehouse retireWarehouse(@PathVariable String code) {
    return catalog.retireWarehouse(code);
  }

  @Operation(summary = "The active warehouses the caller reaches (a keeper: their own), inside a division when given")
  @GetMapping("/warehouses")
  @PreAuthorize(READ)
  List<Warehouse> warehouses(@RequestParam(required = false) String jurisdiction) {
    return catalog.warehouses(jurisdiction);
  }

  @Operation(summary = "Adds a warehouse in a division inside the caller's jurisdiction; a taken code is 409")
  @PostMapping("/warehouses")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGE)
  Warehouse createWarehouse(@RequestBody SupplyCatalog.NewWarehouse request) {
    return catalog.createWarehouse(request);
  }

  @Operation(
      summary = "A warehouse's stock: days of stock per item and its lots with batch and expiry; 404 outside reach")
  @GetMapping("/warehouses/{code}/stock")
  @PreAuthorize(READ)
  StockBoard.WarehouseStock stock(@PathVariable String code) {
    return board.stock(code);
  }

  @Operation(
      summary = "Records a receipt, issue, transfer or stock count; taking more than is on hand is 409 naming it")
  @PostMapping("/movements")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(STOCK_WRITE)
  List<StockLedger.LotChange> move(@RequestBody StockLedger.Movement movement) {
    return ledger.record(movement);
  }

  @Operation(
      summary = "Days of stock per warehouse × item (on hand ÷ average daily use) inside a division, for an item")
  @GetMapping("/stock-days")
  @PreAuthorize(READ)
  List<StockBoard.StockDays> stockDays(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String item) {
    return board.stockDays(jurisdiction, item);
  }

  @Operation(summary = "The stock alerts inside the caller's reach: LOW_STOCK, BELOW_TARGET, EXPIRING")
  @GetMapping("/stock-alerts")
  @PreAuthorize(READ)
  StockBoard.StockAlerts alerts() {
    return board.alerts();
  }

  /** {@code /api/v1/supplies/warehouse-keepers/{code}}: the keepers (WAREHOUSE_OPERATOR) bound to a warehouse. */
  @RestController
  @RequestMapping("/api/v1/supplies/warehouse-keepers/{entity}")
  @Tag(name = "Supplies")
  static class KeeperApiController extends EntityBindingsApi {

    KeeperApiController(WarehouseKeepers keepers) {
      super(keepers);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule warehouseKeepersRule() {
      return new ApiAccessRule("/api/v1/supplies/warehouse-keepers/**", "USER_ADMIN");
    }
  }
}
