package org.epicommand.supplies.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.DashboardTile;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Tally;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supplies.LotSource;
import org.epicommand.supplies.StockBoard;
import org.epicommand.supplies.StockLedger;
import org.epicommand.supplies.SupplyCatalog;
import org.epicommand.supplies.SupplyCategory;
import org.epicommand.supplies.SupplyDeadlines;
import org.epicommand.supplies.Warehouse;
import org.epicommand.supplies.WarehouseKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stock board ({@code /supplies}: warehouses × items coloured by days of stock, drill-down by
 * district, the stock alerts, and the forms that add items and warehouses), the keeper's phone page
 * ({@code /supplies/keeper}: pick the warehouse, scan or type the batch, issue, receive or count) and
 * the home card 物资告警.
 */
@Controller
@RequestMapping("/supplies")
class SuppliesPageController {

  private final SupplyCatalog catalog;
  private final StockBoard board;
  private final StockLedger ledger;
  private final SupplyDeadlines deadlines;
  private final org.epicommand.supplies.Producers producers;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  SuppliesPageController(SupplyCatalog catalog, StockBoard board, StockLedger ledger, SupplyDeadlines deadlines,
      org.epicommand.supplies.Producers producers, Jurisdictions jurisdictions, CurrentUser currentUser,
      FormMessages forms) {
    this.producers = producers;
    this.catalog = catalog;
    this.board = board;
    this.ledger = ledger;
    this.deadlines = deadlines;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  @PreAuthorize(SuppliesApiController.READ)
  String board(@RequestParam(required = false) String district, @RequestParam(required = false) String item,
      @RequestParam(required = false) String view, Model model) {
    UserContext user = currentUser.get();
    StockBoard.Overview overview = board.overview(district);
    StockBoardPage.fill(model, overview, item, view,
        jurisdictions.findInDistricts(StockBoardPage.divisionCodes(overview)));
    model.addAttribute("district", district);
    model.addAttribute("districts", user.jurisdictionCode() == null ? List.of()
        : jurisdictions.children(user.jurisdictionCode()));
    model.addAttribute("producers", producers.list());
    model.addAttribute("canManage", user.has(Permission.SUPPLIES_MANAGE));
    model.addAttribute("categories", SupplyCategory.values());
    model.addAttribute("kinds", WarehouseKind.values());
    model.addAttribute("units", SupplyCatalog.UNITS.stream().sorted().toList());
    return "supplies/board";
  }

  @PostMapping("/items")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String createItem(@RequestParam(required = false) String code, @RequestParam(required = false) String nameZh,
      @RequestParam(required = false) String nameEn, @RequestParam(required = false) SupplyCategory category,
      @RequestParam(required = false) String unit, @RequestParam(required = false) String standard,
      @RequestParam(required = false) Boolean necessity, @RequestParam(required = false) String minOnHand,
      @RequestParam(required = false) String unitPrice, RedirectAttributes redirect) {
    return forms.run(redirect, "/supplies", "supplies.page.itemAdded", () -> catalog.createItem(
        new SupplyCatalog.NewItem(code, nameZh, nameEn, category, unit, standard, null, null, necessity,
            number(minOnHand, "minOnHand"), decimal(unitPrice, "unitPrice"))));
  }

  @PostMapping("/warehouses")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String createWarehouse(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
      @RequestParam(required = false) WarehouseKind kind, @RequestParam(required = false) String jurisdictionCode,
      @RequestParam(required = false) String address, @RequestParam(required = false) String targetDays,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/supplies", "supplies.page.warehouseAdded", () -> {
      Long target = number(targetDays, "targetDays");
      catalog.createWarehouse(new SupplyCatalog.NewWarehouse(code, name, kind, jurisdictionCode, address, null,
          target == null ? null : (int) Math.min(target, 10_000)));
    });
  }

  /** The keeper's phone page: one warehouse's lots and the form to move stock. */
  @GetMapping("/keeper")
  @PreAuthorize(SuppliesApiController.STOCK_WRITE)
  String keeper(@RequestParam(required = false) String warehouse, Model model) {
    List<Warehouse> warehouses = catalog.warehouses(null);
    String chosen = warehouse != null && !warehouse.isBlank() ? warehouse
        : warehouses.isEmpty() ? null : warehouses.get(0).code();
    model.addAttribute("warehouses", warehouses);
    model.addAttribute("chosen", chosen);
    model.addAttribute("stock", chosen == null ? null : board.stock(chosen));
    model.addAttribute("items", catalog.items(null, false));
    model.addAttribute("sources", LotSource.values());
    return "supplies/keeper";
  }

  @PostMapping("/keeper")
  @PreAuthorize(SuppliesApiController.STOCK_WRITE)
  String move(@RequestParam(required = false) String warehouse,
      @RequestParam(required = false) StockLedger.Operation operation,
      @RequestParam(required = false) String itemCode, @RequestParam(required = false) String batchNo,
      @RequestParam(required = false) String quantity, @RequestParam(required = false) LocalDate expiryDate,
      @RequestParam(required = false) LotSource source, @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    String target = "/supplies/keeper?warehouse=" + (warehouse == null ? "" : java.net.URLEncoder.encode(warehouse,
        java.nio.charset.StandardCharsets.UTF_8));
    return forms.run(redirect, target, "supplies.page.moved", () -> ledger.record(new StockLedger.Movement(operation,
        warehouse, itemCode, batchNo, number(quantity, "quantity"), expiryDate, source, null, null, null, null, null,
        note)));
  }

  /** The home card 物资告警: stock low, below target, lots expiring, requests overdue. */
  @GetMapping("/widget")
  @PreAuthorize(SuppliesApiController.READ)
  String widget(Model model) {
    tallies(null, model);
    return "fragments/tally :: card";
  }

  /** The dashboard tile 物资告警: the home card's figures for the dashboard's district (the whole reach when none). */
  @GetMapping("/tile")
  @PreAuthorize(SuppliesApiController.READ)
  String tile(@RequestParam(required = false) String district, Model model) {
    tallies(district == null || district.isBlank() ? null : district.strip(), model);
    model.addAttribute("widgetId", "supplies-tile");
    return "supplies/tile :: tile";
  }

  private void tallies(String district, Model model) {
    StockBoard.StockAlerts alerts = board.alerts(district);
    List<Tally> tallies = new ArrayList<>();
    tallies.add(new Tally("supplies.alert.LOW_STOCK", alerts.low().size(), false, "/supplies#alerts"));
    tallies.add(new Tally("supplies.alert.BELOW_TARGET", alerts.belowTarget().size(), false, "/supplies#alerts"));
    tallies.add(new Tally("supplies.alert.EXPIRING", alerts.expiring().size(), false, "/supplies#alerts"));
    tallies.add(new Tally("supplies.alert.REQUEST_OVERDUE", deadlines.countOverdue(
        jurisdictions.narrow(currentUser.get().scope(), district)), false, "/supplies/requests"));
    model.addAttribute("widgetId", "supplies");
    model.addAttribute("titleKey", "supplies.widget.title");
    model.addAttribute("cardHref", "/supplies");
    model.addAttribute("tallies", tallies);
  }

  /** A whole number typed into a form, or null when empty; 400 on the field otherwise. */
  static Long number(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip().replace(",", "")).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ValidationFailure(FieldProblem.of(field, "supplies.quantity"));
    }
  }

  /** A decimal typed into a form, or null when empty; 400 on the field otherwise. */
  static BigDecimal decimal(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      throw new ValidationFailure(FieldProblem.of(field, "supplies.item.unitPrice"));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem suppliesNavigation() {
      return new NavigationItem(560, "/supplies", "nav.supplies", "SUPPLIES_READ", NavigationGroup.SUPPLIES);
    }

    @Bean
    NavigationItem supplyRequestsNavigation() {
      return new NavigationItem(561, "/supplies/requests", "nav.supplies.requests", "SUPPLIES_REQUEST",
          NavigationGroup.SUPPLIES);
    }

    @Bean
    NavigationItem keeperNavigation() {
      return new NavigationItem(562, "/supplies/keeper", "nav.supplies.keeper", "WAREHOUSE_OPERATE",
          NavigationGroup.SUPPLIES);
    }

    @Bean
    HomeWidget suppliesHomeWidget() {
      return new HomeWidget(45, "/supplies/widget", "SUPPLIES_READ");
    }

    @Bean
    DashboardTile suppliesDashboardTile() {
      return new DashboardTile(40, "/supplies/tile", "SUPPLIES_READ");
    }
  }
}
