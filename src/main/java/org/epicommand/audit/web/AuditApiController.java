package org.epicommand.audit.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditEvent;
import org.epicommand.audit.AuditQuery;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the audit trail for auditors and administrators. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditApiController {

  private final AuditQuery audit;

  AuditApiController(AuditQuery audit) {
    this.audit = audit;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('AUDIT_READ')")
  PageResult<AuditEvent> find(@RequestParam(required = false) String subjectId,
      @RequestParam(required = false) String username, @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) String subjectType,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return audit.find(new AuditQuery.Filter(blank(username), action, blank(subjectType), blank(subjectId),
        from == null ? null : from.toInstant(), to == null ? null : to.toInstant()), Paging.of(page, size));
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
