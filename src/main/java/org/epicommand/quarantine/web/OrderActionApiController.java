package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.epicommand.quarantine.OrderReleases;
import org.epicommand.quarantine.QuarantineOrder;
import org.epicommand.quarantine.QuarantineOrder.TestStatus;
import org.epicommand.quarantine.ReleaseNotices;
import org.epicommand.quarantine.SiteStays;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The steps of an order: check-in at a site, test results, release from the site, release. */
@RestController
@RequestMapping("/api/v1/quarantine/orders/{id}")
@Tag(name = "Quarantine")
class OrderActionApiController {

  record CheckInRequest(UUID roomId) {}

  record ResultRequest(TestStatus result, TestStatus secondReagent, String note) {}

  private final SiteStays stays;
  private final OrderReleases releases;
  private final ReleaseNotices notices;

  OrderActionApiController(SiteStays stays, OrderReleases releases, ReleaseNotices notices) {
    this.stays = stays;
    this.releases = releases;
    this.notices = notices;
  }

  @Operation(summary = "The release notice (解除隔离告知书) of a released order as a PDF; 409 before release")
  @GetMapping(value = "/release-notice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  ResponseEntity<byte[]> releaseNotice(@PathVariable UUID id) {
    return ReleaseNoticePageController.pdf(id, notices.render(id));
  }

  @Operation(summary = "Checks the person in to a room; 409 when another household has taken it")
  @PostMapping("/check-in")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  QuarantineOrder checkIn(@PathVariable UUID id, @RequestBody CheckInRequest request) {
    return stays.checkIn(id, request.roomId());
  }

  @Operation(summary = "Releases the person from the site; the next phase goes on by itself")
  @PostMapping("/site-release")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  QuarantineOrder releaseFromSite(@PathVariable UUID id) {
    return stays.releaseFromSite(id);
  }

  @Operation(summary = "Releases the order: period complete and the last scheduled test negative, else 409")
  @PostMapping("/release")
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  QuarantineOrder release(@PathVariable UUID id) {
    return releases.release(id);
  }

  @Operation(summary = "Records a test result (NEGATIVE or POSITIVE; a dual-reagent test needs secondReagent)")
  @PostMapping("/tests/{testId}/result")
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  QuarantineOrder result(@PathVariable UUID id, @PathVariable UUID testId, @RequestBody ResultRequest request) {
    return releases.recordResult(id, testId, request.result(), request.secondReagent(), request.note());
  }
}
