package org.epicommand.quarantine.web;

import java.util.UUID;
import org.epicommand.quarantine.ReleaseNotices;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The release notice for staff signed in to the pages (the API serves the same PDF to scripts). */
@Controller
class ReleaseNoticePageController {

  private final ReleaseNotices notices;

  ReleaseNoticePageController(ReleaseNotices notices) {
    this.notices = notices;
  }

  @GetMapping("/quarantine/orders/{id}/release-notice.pdf")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  ResponseEntity<byte[]> notice(@PathVariable UUID id) {
    return pdf(id, notices.render(id));
  }

  /** The notice as an inline PDF download (pages and API alike). */
  static ResponseEntity<byte[]> pdf(UUID id, byte[] pdf) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"release-notice-" + id + ".pdf\"").body(pdf);
  }
}
