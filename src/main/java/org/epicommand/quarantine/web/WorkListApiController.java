package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.epicommand.quarantine.QuarantineWorkLists;
import org.epicommand.quarantine.WorkItem;
import org.epicommand.quarantine.WorkList;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/quarantine/work-lists}: tests and releases due today, missed checks, alerts, awaiting transfer. */
@RestController
@RequestMapping("/api/v1/quarantine/work-lists")
@Tag(name = "Quarantine")
class WorkListApiController {

  private final QuarantineWorkLists workLists;

  WorkListApiController(QuarantineWorkLists workLists) {
    this.workLists = workLists;
  }

  @Operation(summary = "How many items each work list has in the caller's jurisdiction (10,001 means more than 10,000)")
  @GetMapping
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  Map<WorkList, Long> counts() {
    return workLists.counts();
  }

  @GetMapping("/{list}")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  PageResult<WorkItem> items(@PathVariable WorkList list, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return workLists.items(list, Paging.of(page, size));
  }
}
