package org.epicommand.supplies.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.Paging;
import org.epicommand.shared.StateFilter;
import org.epicommand.supplies.RequestFulfilment;
import org.epicommand.supplies.RequestPriority;
import org.epicommand.supplies.RequestState;
import org.epicommand.supplies.SupplyCatalog;
import org.epicommand.supplies.SupplyRequest;
import org.epicommand.supplies.SupplyRequests;
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
 * Supply requests on a phone ({@code /supplies/requests}): the list with a form for a new request,
 * and a request's page with the steps the caller may take in its state — submit or cancel (the unit),
 * approve per line, reject, allocate from a warehouse, dispatch with vehicle and green pass, close (the
 * supplies group), and the receipt with what actually arrived (the unit).
 */
@Controller
@RequestMapping("/supplies/requests")
@PreAuthorize(SupplyRequestApiController.READ)
class SupplyRequestPageController {

  private final SupplyRequests requests;
  private final RequestFulfilment fulfilment;
  private final SupplyCatalog catalog;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final java.time.Clock clock;

  SupplyRequestPageController(SupplyRequests requests, RequestFulfilment fulfilment, SupplyCatalog catalog,
      CurrentUser currentUser, FormMessages forms, java.time.Clock clock) {
    this.clock = clock;
    this.requests = requests;
    this.fulfilment = fulfilment;
    this.catalog = catalog;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  String list(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) String unit, @RequestParam(required = false) String jurisdiction, Model model) {
    UserContext user = currentUser.get();
    FormMessages.pager(model, requests.list(null, StateFilter.parse(state, RequestState.class, null), Paging.of(page,
        20)));
    model.addAttribute("state", state);
    model.addAttribute("states", RequestState.values());
    model.addAttribute("priorities", RequestPriority.values());
    model.addAttribute("items", catalog.items(null, false));
    model.addAttribute("canRequest", user.has(Permission.SUPPLIES_REQUEST) || user.has(Permission.SUPPLIES_MANAGE));
    model.addAttribute("unit", unit);
    model.addAttribute("jurisdiction", jurisdiction);
    return "supplies/requests";
  }

  @PostMapping
  @PreAuthorize(SupplyRequestApiController.REQUESTER)
  String create(@RequestParam(required = false) String unitName,
      @RequestParam(required = false) String jurisdictionCode, @RequestParam(required = false) RequestPriority priority,
      @RequestParam(required = false) String purpose, @RequestParam(name = "itemCode",
          required = false) List<String> itemCodes,
      @RequestParam(name = "quantity", required = false) List<String> quantities, RedirectAttributes redirect) {
    UUID[] created = new UUID[1];
    String result = forms.run(redirect, "/supplies/requests", "supplies.page.requestDrafted", () -> {
      List<SupplyRequests.NewLine> lines = lines(itemCodes, quantities, "quantity", SupplyRequests.NewLine::new);
      created[0] = UUID.fromString(requests.create(new SupplyRequests.NewRequest(unitName, jurisdictionCode, priority,
          purpose,
          lines)).id());
    });
    return created[0] == null ? result : "redirect:/supplies/requests/" + created[0];
  }

  @GetMapping("/{id}")
  String show(@PathVariable UUID id, Model model) {
    UserContext user = currentUser.get();
    SupplyRequest request = requests.get(id);
    model.addAttribute("r", request);
    model.addAttribute("canRequest", user.has(Permission.SUPPLIES_REQUEST) || user.has(Permission.SUPPLIES_MANAGE));
    model.addAttribute("canManage", user.has(Permission.SUPPLIES_MANAGE));
    model.addAttribute("canSecondApprove", requests.maySecondApprove(request));
    model.addAttribute("warehouses", user.has(Permission.SUPPLIES_MANAGE) ? catalog.warehouses(null) : List.of());
    return "supplies/request";
  }

  @PostMapping("/{id}/{step:submit|cancel}")
  @PreAuthorize(SupplyRequestApiController.REQUESTER)
  String unitStep(@PathVariable UUID id, @PathVariable String step, RedirectAttributes redirect) {
    return forms.run(redirect, "/supplies/requests/" + id, "supplies.page.moved",
        () -> {
          if (step.equals("submit")) {
            requests.submit(id);
          } else {
            requests.cancel(id, null);
          }
        });
  }

  @PostMapping("/{id}/approve")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String approve(@PathVariable UUID id, @RequestParam(name = "itemCode", required = false) List<String> itemCodes,
      @RequestParam(name = "quantity", required = false) List<String> quantities, RedirectAttributes redirect) {
    return forms.run(redirect, "/supplies/requests/" + id, "supplies.page.moved", () -> {
      requests.approve(id, lines(itemCodes, quantities, "approved", SupplyRequests.Approval::new));
    });
  }

  @PostMapping("/{id}/reject")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    return forms.run(redirect, "/supplies/requests/" + id, "supplies.page.moved", () -> requests.reject(id, reason));
  }

  @PostMapping("/{id}/allocate")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String allocate(@PathVariable UUID id, @RequestParam(required = false) String warehouseCode,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/supplies/requests/" + id, "supplies.page.moved",
        () -> fulfilment.allocate(id, warehouseCode));
  }

  @PostMapping("/{id}/dispatch")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String dispatch(@PathVariable UUID id, @RequestParam(required = false) String vehiclePlate,
      @RequestParam(required = false) String driver, @RequestParam(required = false) String driverPhone,
      @RequestParam(required = false) String greenPassNumber, RedirectAttributes redirect) {
    return forms.run(redirect, "/supplies/requests/" + id, "supplies.page.moved", () -> fulfilment.dispatch(id,
        new RequestFulfilment.DispatchOrder(vehiclePlate, driver, driverPhone, greenPassNumber, null, null)));
  }

  /** Plans the dispatch (vehicle, driver, pass, departure time in the city's zone) before it leaves. */
  @PostMapping("/{id}/plan-dispatch")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String planDispatch(@PathVariable UUID id, @RequestParam(required = false) String vehiclePlate,
      @RequestParam(required = false) String driver, @RequestParam(required = false) String driverPhone,
      @RequestParam(required = false) String greenPassNumber, @RequestParam(required = false)
      @org.springframework.format.annotation.DateTimeFormat(iso =
          org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime plannedAt,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/supplies/requests/" + id, "supplies.page.planned", () -> fulfilment.planDispatch(id,
        new RequestFulfilment.DispatchOrder(vehiclePlate, driver, driverPhone, greenPassNumber, null,
            plannedAt == null ? null : plannedAt.atZone(clock.getZone()).toOffsetDateTime())));
  }

  @PostMapping("/{id}/receive")
  @PreAuthorize(SupplyRequestApiController.REQUESTER)
  String receive(@PathVariable UUID id, @RequestParam(name = "itemCode", required = false) List<String> itemCodes,
      @RequestParam(name = "quantity", required = false) List<String> quantities,
      @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return forms.run(redirect, "/supplies/requests/" + id, "supplies.page.moved", () -> {
      fulfilment.receive(id, lines(itemCodes, quantities, "received", RequestFulfilment.Receipt::new), note);
    });
  }

  @PostMapping("/{id}/close")
  @PreAuthorize(SuppliesApiController.MANAGE)
  String close(@PathVariable UUID id, RedirectAttributes redirect) {
    return forms.run(redirect, "/supplies/requests/" + id, "supplies.page.moved", () -> requests.close(id));
  }

  /** The form's parallel item and quantity fields as lines; rows without an item are left out. */
  static <T> List<T> lines(List<String> itemCodes, List<String> quantities, String field,
      java.util.function.BiFunction<String, Long, T> line) {
    List<T> lines = new ArrayList<>();
    for (int i = 0; itemCodes != null && i < itemCodes.size(); i++) {
      String quantity = quantities == null || i >= quantities.size() ? null : quantities.get(i);
      if (itemCodes.get(i) != null && !itemCodes.get(i).isBlank()) {
        lines.add(line.apply(itemCodes.get(i), SuppliesPageController.number(quantity, field)));
      }
    }
    return lines;
  }
}
