package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.quarantine.NewOrder;
import org.epicommand.quarantine.OrderReleases;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.OrderSource;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.QuarantineOrder;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/quarantine/orders} (docs/api.md, Contract → Quarantine). */
@RestController
@RequestMapping("/api/v1/quarantine/orders")
@Tag(name = "Quarantine")
class OrderApiController {

  record OrderRequest(UUID personId, OrderReason reason, LocalDate anchorDate, String ruleSet) {}

  record RecomputeRequest(String ruleSet) {}

  record EndRequest(OrderState state, String note) {}

  private final QuarantineOrders orders;
  private final OrderReleases releases;

  OrderApiController(QuarantineOrders orders, OrderReleases releases) {
    this.orders = orders;
    this.releases = releases;
  }

  @Operation(summary = "Opens an order: phases and test dates by the day-counting rule of the rule set "
      + "(default: the one in force on the anchor date); 400 when the rule set does not manage the reason")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  QuarantineOrder open(@RequestBody OrderRequest request) {
    orders.requireKnownRuleSet(request.ruleSet());
    return orders.open(new NewOrder(request.personId(), request.reason(), request.anchorDate(), request.ruleSet(),
        OrderSource.MANUAL, null));
  }

  @GetMapping
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  PageResult<QuarantineOrder> list(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) OrderState state, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return orders.list(jurisdiction, state, Paging.of(page, size));
  }

  @Operation(summary = "One order with phases and tests (audited as READ); 404 outside the caller's jurisdiction")
  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  QuarantineOrder get(@PathVariable UUID id) {
    return orders.get(id);
  }

  @Operation(summary = "Computes an open order anew with the given rule set (default: the one in force today)")
  @PostMapping("/{id}/recompute")
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  QuarantineOrder recompute(@PathVariable UUID id, @RequestBody(required = false) RecomputeRequest request) {
    return orders.recompute(id, request == null ? null : request.ruleSet());
  }

  @Operation(summary = "Ends an open order: BECAME_CASE or TRANSFERRED_OUT")
  @PostMapping("/{id}/end")
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  QuarantineOrder end(@PathVariable UUID id, @RequestBody EndRequest request) {
    return releases.end(id, request.state(), request.note());
  }
}
