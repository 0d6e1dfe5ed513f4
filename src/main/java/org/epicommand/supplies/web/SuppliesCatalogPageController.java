package org.epicommand.supplies.web;

import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.platform.FormMessages;
import org.epicommand.supplies.SupplyCatalog;
import org.epicommand.supplies.SupplyCategory;
import org.epicommand.supplies.SupplyItem;
import org.epicommand.supplies.Warehouse;
import org.epicommand.supplies.WarehouseKind;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The master data of the supplies ({@code /supplies/catalog}): every item and every warehouse the caller
 * reaches, retired ones marked, each corrected in place or retired on a phone.
 */
@Controller
@RequestMapping("/supplies")
class SuppliesCatalogPageController {

  private static final String PAGE = "/supplies/catalog";

  private final SupplyCatalog catalog;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  SuppliesCatalogPageController(SupplyCatalog catalog, CurrentUser currentUser, FormMessages forms) {
    this.catalog = catalog;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping("/catalog")
  @PreAuthorize(SuppliesApiController.READ)
  String catalog(Model model) {
    model.addAttribute("items", catalog.items(null, true));
    model.addAttribute("warehouses", catalog.allWarehouses());
    model.addAttribute("canManage", currentUser.get().has(Permission.SUPPLIES_MANAGE));
    model.addAttribute("categories", SupplyCategory.values());
    model.addAttribute("kinds", WarehouseKind.values());
    model.addAttribute("units", SupplyCatalog.UNITS.stream().sorted().toList());
    return "supplies/catalog";
  }

  @PostMapping("/items/{code}")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String correctItem(@PathVariable String code, @RequestParam(required = false) String nameZh,
      @RequestParam(required = false) String nameEn, @RequestParam(required = false) SupplyCategory category,
      @RequestParam(required = false) String unit, @RequestParam(required = false) String standard,
      @RequestParam(required = false) Boolean necessity, @RequestParam(required = false) String minOnHand,
      @RequestParam(required = false) String unitPrice, RedirectAttributes redirect) {
    return forms.run(redirect, PAGE, "supplies.catalog.corrected", () -> {
      SupplyItem stored = catalog.item(code);
      catalog.correctItem(code, new SupplyCatalog.NewItem(null, nameZh, nameEn, category, unit, standard,
          stored.shelfLifeDays(), stored.perCapitaDailyUse(), necessity,
          SuppliesPageController.number(minOnHand, "minOnHand"), SuppliesPageController.decimal(unitPrice,
          "unitPrice")));
    });
  }

  @PostMapping("/items/{code}/retire")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String retireItem(@PathVariable String code, RedirectAttributes redirect) {
    return forms.run(redirect, PAGE, "supplies.catalog.retired", () -> catalog.retireItem(code));
  }

  @PostMapping("/warehouses/{code}")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String correctWarehouse(@PathVariable String code, @RequestParam(required = false) String name,
      @RequestParam(required = false) WarehouseKind kind, @RequestParam(required = false) String address,
      @RequestParam(required = false) String targetDays, RedirectAttributes redirect) {
    return forms.run(redirect, PAGE, "supplies.catalog.corrected", () -> {
      Warehouse stored = catalog.warehouse(code);
      Long target = SuppliesPageController.number(targetDays, "targetDays");
      catalog.correctWarehouse(code, new SupplyCatalog.NewWarehouse(null, name, kind, stored.jurisdictionCode(),
          address, stored.organisationCode(), target == null ? null : (int) Math.min(target, 10_000)));
    });
  }

  @PostMapping("/warehouses/{code}/retire")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String retireWarehouse(@PathVariable String code, RedirectAttributes redirect) {
    return forms.run(redirect, PAGE, "supplies.catalog.retired", () -> catalog.retireWarehouse(code));
  }
}
