package org.epicommand.supplies.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.StateFilter;
import org.epicommand.supplies.RequestFulfilment;
import org.epicommand.supplies.RequestState;
import org.epicommand.supplies.SupplyRequest;
import org.epicommand.supplies.SupplyRequests;
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

/**
 * Supply requests ({@code /api/v1/supplies/requests}) through their lifecycle; each illegal move is 409
 * naming the current state, a request outside the caller's jurisdiction 404.
 */
@RestController
@RequestMapping("/api/v1/supplies/requests")
@Tag(name = "Supplies")
class SupplyRequestApiController {

  static final String REQUESTER = "hasAnyAuthority('SUPPLIES_REQUEST','SUPPLIES_MANAGE')";
  static final String READ = "hasAnyAuthority('SUPPLIES_READ','SUPPLIES_REQUEST','SUPPLIES_MANAGE')";

  record ApproveRequest(List<SupplyRequests.Approval> lines, String note) {}

  record ReasonRequest(String reason) {}

  record AllocateRequest(String warehouseCode) {}

  record ReceiveRequest(List<RequestFulfilment.Receipt> lines, String note) {}

  private final SupplyRequests requests;
  private final RequestFulfilment fulfilment;

  SupplyRequestApiController(SupplyRequests requests, RequestFulfilment fulfilment) {
    this.requests = requests;
    this.fulfilment = fulfilment;
  }

  @Operation(summary = "Requests inside the caller's jurisdiction (a division when given), newest first; by state")
  @GetMapping
  @PreAuthorize(READ)
  PageResult<SupplyRequest> list(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return requests.list(jurisdiction, StateFilter.parse(state, RequestState.class, null), Paging.of(page, size));
  }

  @Operation(
      summary = "Drafts a request of a unit (items and quantities, priority, purpose); 400 per field, nothing stored")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(REQUESTER)
  SupplyRequest create(@RequestBody SupplyRequests.NewRequest request) {
    return requests.create(request);
  }

  @GetMapping("/{id}")
  @PreAuthorize(READ)
  SupplyRequest get(@PathVariable UUID id) {
    return requests.get(id);
  }

  @Operation(summary = "DRAFT → SUBMITTED; the approval and delivery SLAs of its priority start")
  @PostMapping("/{id}/submit")
  @PreAuthorize(REQUESTER)
  SupplyRequest submit(@PathVariable UUID id) {
    return requests.submit(id);
  }

  @Operation(summary = "SUBMITTED → APPROVED or PARTIALLY_APPROVED; approving more than requested is 400 approved")
  @PostMapping("/{id}/approve")
  @PreAuthorize(SuppliesApiController.MANAGE)
  SupplyRequest approve(@PathVariable UUID id, @RequestBody(required = false) ApproveRequest body) {
    return requests.approve(id, body == null ? null : body.lines());
  }

  @Operation(summary = "SUBMITTED → REJECTED with a reason")
  @PostMapping("/{id}/reject")
  @PreAuthorize(SuppliesApiController.MANAGE)
  SupplyRequest reject(@PathVariable UUID id, @RequestBody(required = false) ReasonRequest body) {
    return requests.reject(id, body == null ? null : body.reason());
  }

  @Operation(
      summary = "APPROVED | PARTIALLY_APPROVED → ALLOCATED from a warehouse; 409 naming what is on hand when short")
  @PostMapping("/{id}/allocate")
  @PreAuthorize(SuppliesApiController.MANAGE)
  SupplyRequest allocate(@PathVariable UUID id, @RequestBody(required = false) AllocateRequest body) {
    return fulfilment.allocate(id, body == null ? null : body.warehouseCode());
  }

  @Operation(summary = "ALLOCATED → DISPATCHED: the planned vehicle (or the one given) departs; a pass not VALID"
      + " today is 409 naming its status")
  @PostMapping("/{id}/dispatch")
  @PreAuthorize(SuppliesApiController.MANAGE)
  SupplyRequest dispatch(@PathVariable UUID id, @RequestBody(required = false) RequestFulfilment.DispatchOrder body) {
    return fulfilment.dispatch(id, body);
  }

  @Operation(summary = "Plans the dispatch of an ALLOCATED request (dispatch PLANNED): vehicle, driver, green pass"
      + " valid on the planned day (409 naming its status otherwise), departure time; again while not departed")
  @PostMapping("/{id}/plan-dispatch")
  @PreAuthorize(SuppliesApiController.MANAGE)
  SupplyRequest planDispatch(@PathVariable UUID id,
      @RequestBody(required = false) RequestFulfilment.DispatchOrder body) {
    return fulfilment.planDispatch(id, body);
  }

  @Operation(summary = "DISPATCHED → RECEIVED, or RECEIVED_WITH_DISCREPANCY when less arrived; more is 400 received")
  @PostMapping("/{id}/receive")
  @PreAuthorize(REQUESTER)
  SupplyRequest receive(@PathVariable UUID id, @RequestBody(required = false) ReceiveRequest body) {
    return fulfilment.receive(id, body == null ? null : body.lines(), body == null ? null : body.note());
  }

  @Operation(summary = "DRAFT | SUBMITTED → CANCELLED")
  @PostMapping("/{id}/cancel")
  @PreAuthorize(REQUESTER)
  SupplyRequest cancel(@PathVariable UUID id, @RequestBody(required = false) ReasonRequest body) {
    return requests.cancel(id, body == null ? null : body.reason());
  }

  @Operation(summary = "RECEIVED | RECEIVED_WITH_DISCREPANCY → CLOSED")
  @PostMapping("/{id}/close")
  @PreAuthorize(SuppliesApiController.MANAGE)
  SupplyRequest close(@PathVariable UUID id) {
    return requests.close(id);
  }
}
