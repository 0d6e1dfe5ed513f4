package org.epicommand.enterprise.web;

import java.time.Clock;
import java.time.LocalDate;
import org.epicommand.command.ReportStatus;
import org.epicommand.enterprise.DailyHealth;
import org.epicommand.organisation.Sector;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Who has not filed the day's staff health report (晨午检未报单位), {@code /enterprise/daily-health}: for 属地
 * (their divisions, or a part of them) and the sector departments (their sectors, or one of them), the
 * active organisations of a day in a status — MISSING unless another is asked — each linking to its page
 * (its contact is there), with the day's count in each status.
 */
@Controller
@PreAuthorize(ApplicationApiController.READ)
class HealthCompletenessPageController {

  private final DailyHealth health;
  private final Clock clock;

  HealthCompletenessPageController(DailyHealth health, Clock clock) {
    this.health = health;
    this.clock = clock;
  }

  @GetMapping("/enterprise/daily-health")
  String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) String status, @RequestParam(required = false) Sector sector,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Integer page,
      Model model) {
    LocalDate today = LocalDate.now(clock);
    LocalDate day = date == null || date.isAfter(today) ? today : date;
    ReportStatus shown = status == null ? ReportStatus.MISSING : parse(status);
    DailyHealth.CompletenessPage result = health.completeness(day, sector, blankless(jurisdiction), shown,
        Paging.of(page == null ? null : Math.max(page, 0), 30));
    FormMessages.pager(model, new PageResult<>(result.items(), result.page(), result.size(),
        result.hasMore(), null));
    model.addAttribute("result", result);
    model.addAttribute("day", day);
    model.addAttribute("today", today);
    model.addAttribute("status", shown);
    model.addAttribute("statuses", ReportStatus.values());
    model.addAttribute("sector", sector);
    model.addAttribute("sectors", Sector.values());
    model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction.strip());
    return "enterprise/daily-health";
  }

  /** A status asked for; blank or unknown: every status. */
  private static ReportStatus parse(String status) {
    for (ReportStatus s : ReportStatus.values()) {
      if (s.name().equals(status.strip())) {
        return s;
      }
    }
    return null;
  }

  private static String blankless(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
