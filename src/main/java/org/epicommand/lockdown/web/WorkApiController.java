package org.epicommand.lockdown.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.lockdown.Manpower;
import org.epicommand.lockdown.OutingPass;
import org.epicommand.lockdown.OutingPasses;
import org.epicommand.lockdown.ServiceRequest;
import org.epicommand.lockdown.ServiceRequests;
import org.epicommand.lockdown.Worker;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The manpower pool, household service requests and outing passes of sealed areas. */
@RestController
@Tag(name = "Lockdown")
class WorkApiController {

  /** A check at a post: the pass number and the post. */
  record PassCheck(String number, UUID postId) {}

  private final Manpower manpower;
  private final ServiceRequests requests;
  private final OutingPasses passes;

  WorkApiController(Manpower manpower, ServiceRequests requests, OutingPasses passes) {
    this.manpower = manpower;
    this.requests = requests;
    this.passes = passes;
  }

  @Operation(summary = "The manpower pool inside the caller's jurisdiction (all=true: retired ones too)")
  @GetMapping("/api/v1/lockdown/workers")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<Worker> workers(@RequestParam(required = false) Boolean all) {
    return manpower.list(Boolean.TRUE.equals(all));
  }

  @Operation(summary = "Registers a person in the pool; 409 with existingId for a phone already in it")
  @PostMapping("/api/v1/lockdown/workers")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  Worker register(@RequestBody Worker.New request) {
    return manpower.register(request);
  }

  @Operation(summary = "A person of the pool (audited); 404 outside the caller's jurisdiction")
  @GetMapping("/api/v1/lockdown/workers/{id}")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  Worker worker(@PathVariable UUID id) {
    return manpower.get(id);
  }

  @Operation(summary = "Retires a person of the pool (kept, no new shifts); 409 when retired")
  @PostMapping("/api/v1/lockdown/workers/{id}/retire")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  Worker retire(@PathVariable UUID id) {
    return manpower.retire(id);
  }

  @Operation(summary = "Service requests inside the caller's jurisdiction, oldest deadline first; state OPEN (default),"
      + " one state or ALL; overdue = only open ones past their deadline")
  @GetMapping("/api/v1/lockdown/requests")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  PageResult<ServiceRequest> requests(@RequestParam(required = false) UUID areaId,
      @RequestParam(required = false) String state, @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return requests.list(areaId, state, Boolean.TRUE.equals(overdue), Paging.of(page, size));
  }

  @Operation(summary = "Records a household's request in an ACTIVE area; 400 householdId for a household outside it")
  @PostMapping("/api/v1/lockdown/areas/{id}/requests")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  ServiceRequest request(@PathVariable UUID id, @RequestBody ServiceRequest.New request) {
    return requests.request(id, request);
  }

  @Operation(summary = "A service request (audited); 404 outside the caller's jurisdiction")
  @GetMapping("/api/v1/lockdown/requests/{id}")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  ServiceRequest serviceRequest(@PathVariable UUID id) {
    return requests.get(id);
  }

  @Operation(summary = "Assigns a REQUESTED (or reassigns an ASSIGNED) request; 409 otherwise")
  @PostMapping("/api/v1/lockdown/requests/{id}/assign")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  ServiceRequest assign(@PathVariable UUID id, @RequestBody(required = false) ServiceRequest.Assignment request) {
    return requests.assign(id, request);
  }

  @Operation(summary = "Closes a request: DELIVERED or REFERRED (from ASSIGNED), CANCELLED (while open); 409 otherwise")
  @PostMapping("/api/v1/lockdown/requests/{id}/close")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  ServiceRequest close(@PathVariable UUID id, @RequestBody ServiceRequest.Outcome request) {
    return requests.close(id, request);
  }

  @GetMapping("/api/v1/lockdown/areas/{id}/passes")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<OutingPass> passes(@PathVariable UUID id) {
    return passes.of(id);
  }

  @Operation(summary = "Issues an outing pass to a household of an ACTIVE area")
  @PostMapping("/api/v1/lockdown/areas/{id}/passes")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  OutingPass issue(@PathVariable UUID id, @RequestBody OutingPass.New request) {
    return passes.issue(id, request);
  }

  @Operation(summary = "Revokes an ACTIVE pass; 409 otherwise")
  @PostMapping("/api/v1/lockdown/passes/{number}/revoke")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  OutingPass revoke(@PathVariable String number) {
    return passes.revoke(number);
  }

  @Operation(summary = "Checks a pass number at a post: VALID, EXPIRED or INVALID (kept in the gate log)")
  @PostMapping("/api/v1/lockdown/pass-checks")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  OutingPass.Check check(@RequestBody PassCheck request) {
    return passes.check(request == null ? null : request.postId(), request == null ? null : request.number());
  }

  @Operation(summary = "Lets a VALID pass out at a post (one outing used); 409 naming the answer otherwise")
  @PostMapping("/api/v1/lockdown/outings")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  OutingPass.Check letOut(@RequestBody PassCheck request) {
    return passes.letOut(request == null ? null : request.postId(), request == null ? null : request.number());
  }
}
