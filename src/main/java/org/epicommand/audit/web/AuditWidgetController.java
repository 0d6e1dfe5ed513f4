package org.epicommand.audit.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditQuery;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.Paging;
import org.epicommand.shared.Tally;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The auditor's home card: the sensitive reads, exports and failed sign-ins of the last 24 hours,
 * each a link to the trail filtered so.
 */
@Controller
@PreAuthorize("hasAuthority('AUDIT_READ')")
class AuditWidgetController {

  private final AuditQuery audit;
  private final Clock clock;

  AuditWidgetController(AuditQuery audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/audit/widget")
  String widget(Model model) {
    Instant since = clock.instant().minus(Duration.ofDays(1));
    LocalDate from = LocalDate.ofInstant(since, clock.getZone());
    model.addAttribute("widgetId", "audit");
    model.addAttribute("titleKey", "home.widget.audit");
    model.addAttribute("cardHref", "/audit");
    model.addAttribute("cardLinkKey", "home.widget.audit.open");
    model.addAttribute("tallies", List.of(
        tally("home.widget.audit.reads", AuditAction.READ, since, from),
        tally("home.widget.audit.exports", AuditAction.EXPORT, since, from),
        tally("home.widget.audit.failedLogins", AuditAction.LOGIN_FAILED, since, from)));
    return "fragments/tally :: card";
  }

  private Tally tally(String key, AuditAction action, Instant since, LocalDate from) {
    return Tally.of(key, audit.find(new AuditQuery.Filter(null, action, null, null, since, null), Paging.of(0,
        Tally.CAP)),
        "/audit?action=" + action + "&from=" + from);
  }

  @Configuration(proxyBeanMethods = false)
  static class Widget {

    @Bean
    HomeWidget auditHomeWidget() {
      return new HomeWidget(10, "/audit/widget", "AUDIT_READ");
    }
  }
}
