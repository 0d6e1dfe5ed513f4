package org.epicommand.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditQuery;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's page: the trail, newest first, filtered by user, action, subject and days. */
@Controller
@PreAuthorize("hasAuthority('AUDIT_READ')")
class AuditPageController {

  private final AuditQuery audit;
  private final ZoneId zone;

  AuditPageController(AuditQuery audit, java.time.Clock clock) {
    this.audit = audit;
    this.zone = clock.getZone();
  }

  @GetMapping("/audit")
  String trail(@RequestParam(required = false) String username, @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page, Model model) {
    AuditQuery.Filter filter = new AuditQuery.Filter(blank(username), action, blank(subjectType), blank(subjectId),
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    FormMessages.pager(model, audit.find(filter, Paging.of(page, 50)));
    model.addAttribute("filter", filter);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("actions", AuditAction.values());
    model.addAttribute("zone", zone);
    return "audit/trail";
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
