package org.epicommand.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.supervision.Accountability;
import org.epicommand.supervision.AccountabilityKind;
import org.epicommand.supervision.AccountabilityRecord;
import org.epicommand.supervision.GoodPractice;
import org.epicommand.supervision.NewAccountabilityRecord;
import org.epicommand.supervision.NewGoodPractice;
import org.epicommand.supervision.PublicNaming;
import org.epicommand.supervision.ScorecardRow;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/supervision}: accountability, the public naming list, good practices, the scorecard. */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Supervision: accountability")
class AccountabilityApiController {

  private final Accountability accountability;

  AccountabilityApiController(Accountability accountability) {
    this.accountability = accountability;
  }

  @Operation(summary = "Record a talk (约谈), public naming (通报) or disciplinary measure, for a unit and a named person")
  @PostMapping("/accountability")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  AccountabilityRecord record(@RequestBody NewAccountabilityRecord request) {
    return accountability.record(request);
  }

  @GetMapping("/accountability")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  PageResult<AccountabilityRecord> list(@RequestParam(required = false) AccountabilityKind kind,
      @RequestParam(required = false) UUID problem, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return accountability.list(kind, problem, Paging.of(page, size));
  }

  @Operation(summary = "The public naming list (通报): any signed-in user; no identifiers")
  @GetMapping("/public-naming")
  PageResult<PublicNaming> publicNaming(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return accountability.publicNaming(Paging.of(page, size));
  }

  @GetMapping("/good-practices")
  PageResult<GoodPractice> goodPractices(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return accountability.goodPractices(Paging.of(page, size));
  }

  @PostMapping("/good-practices")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  GoodPractice recordGoodPractice(@RequestBody NewGoodPractice request) {
    return accountability.recordGoodPractice(request);
  }

  @Operation(summary = "Per unit: found, closedOnTime, overdue, rejected, accountability, score"
      + " = clamp(100 − 2·found + 2·closedOnTime − 5·overdue − 3·rejected − 10·accountability, 0, 100)")
  @GetMapping("/scorecard")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  List<ScorecardRow> scorecard() {
    return accountability.scorecard();
  }
}
