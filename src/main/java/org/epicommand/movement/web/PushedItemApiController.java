package org.epicommand.movement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.movement.DistrictKpi;
import org.epicommand.movement.PushedItem;
import org.epicommand.movement.PushedItemDetail;
import org.epicommand.movement.PushedItemState;
import org.epicommand.movement.PushedDesk;
import org.epicommand.movement.PushedItems;
import org.epicommand.movement.internal.PushedItemStore;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/pushed-items} (docs/api.md, Contract → Movement): verification of pushed names inside the caller's
 * jurisdiction. */
@RestController
@RequestMapping("/api/v1/pushed-items")
@Tag(name = "Movement")
class PushedItemApiController {

  record OutcomeRequest(PushedItemState outcome, String note) {}

  record NoteRequest(String note) {}

  record AssignRequest(String communityCode) {}

  record MatchRequest(String idNumber) {}

  private final PushedItems items;
  private final PushedDesk desk;

  PushedItemApiController(PushedItems items, PushedDesk desk) {
    this.items = items;
    this.desk = desk;
  }

  @Operation(
      summary = "Open unmatched items held by a desk (not yet routed to a community) in the caller's jurisdiction")
  @GetMapping("/desk")
  @PreAuthorize("hasAuthority('PUSHED_LIST_IMPORT')")
  PageResult<PushedItem> atDesk(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return desk.atDesk(Paging.of(page, size)).map(PushedItemStore.Listed::item);
  }

  @Operation(summary = "The desk routes an item to a community of its jurisdiction")
  @PostMapping("/{id}/assign")
  @PreAuthorize("hasAuthority('PUSHED_LIST_IMPORT')")
  PushedItem assign(@PathVariable UUID id, @RequestBody AssignRequest request) {
    return desk.assign(id, request.communityCode());
  }

  @Operation(
      summary = "The desk matches an item to a registered person by resident ID number; routed to their community")
  @PostMapping("/{id}/match")
  @PreAuthorize("hasAuthority('PUSHED_LIST_IMPORT')")
  PushedItem match(@PathVariable UUID id, @RequestBody MatchRequest request) {
    return desk.match(id, request.idNumber());
  }

  @Operation(summary = "The worker's report in one step from SIGNED or VERIFYING: outcome and feedback")
  @PostMapping("/{id}/report")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  PushedItem report(@PathVariable UUID id, @RequestBody OutcomeRequest request) {
    return items.report(id, request.outcome(), request.note());
  }

  @Operation(summary = "Items in the caller's jurisdiction, newest push first; overdue=true: past a deadline")
  @GetMapping
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  PageResult<PushedItem> list(@RequestParam(required = false) PushedItemState state,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return items.list(state, jurisdiction, overdue, Paging.of(page, size));
  }

  @Operation(summary = "Pushed, signed, landed and overdue per district of the caller's jurisdiction")
  @GetMapping("/kpis")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<DistrictKpi> kpis() {
    return items.kpis();
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  PushedItemDetail get(@PathVariable UUID id) {
    return items.get(id);
  }

  @PostMapping("/{id}/sign")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  PushedItem sign(@PathVariable UUID id) {
    return items.sign(id);
  }

  @PostMapping("/{id}/verify")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  PushedItem verify(@PathVariable UUID id) {
    return items.startVerifying(id);
  }

  @Operation(summary = "The outcome: LANDED, NOT_FOUND, TRANSFERRED_OUT or EXCLUDED; 409 unless verifying")
  @PostMapping("/{id}/outcome")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  PushedItem outcome(@PathVariable UUID id, @RequestBody OutcomeRequest request) {
    return items.recordOutcome(id, request.outcome(), request.note());
  }

  @PostMapping("/{id}/feedback")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  PushedItem feedback(@PathVariable UUID id, @RequestBody(required = false) NoteRequest request) {
    return items.sendFeedback(id, request == null ? null : request.note());
  }

  @Operation(summary = "The desk's check of the feedback (district desks, command office)")
  @PostMapping("/{id}/audit")
  @PreAuthorize("hasAuthority('PUSHED_LIST_IMPORT')")
  PushedItem audit(@PathVariable UUID id) {
    return items.markAudited(id);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule pushedItemAccessRule() {
      return new ApiAccessRule("/api/v1/pushed-items/**", "MOVEMENT_READ");
    }
  }
}
