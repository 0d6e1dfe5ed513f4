package org.epicommand.quarantine.web;

import java.util.UUID;
import org.epicommand.platform.FormMessages;
import org.epicommand.quarantine.AlertKind;
import org.epicommand.quarantine.QuarantineAlerts;
import org.epicommand.shared.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Unresolved alerts, refreshed every 5 s (htmx), acknowledged and resolved with a note. */
@Controller
@RequestMapping("/quarantine/alerts")
@PreAuthorize("hasAuthority('QUARANTINE_READ')")
class AlertPageController implements QuarantinePages.Page {

  private static final String HANDLE = "hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')";

  private final QuarantineAlerts alerts;
  private final QuarantinePages pages;
  private final org.springframework.context.MessageSource messages;

  AlertPageController(QuarantineAlerts alerts, QuarantinePages pages,
      org.springframework.context.MessageSource messages) {
    this.alerts = alerts;
    this.pages = pages;
    this.messages = messages;
  }

  @GetMapping
  String list(@RequestParam(required = false) AlertKind kind, @RequestParam(required = false) Integer page,
      Model model) {
    table(kind, page, model);
    model.addAttribute("kinds", AlertKind.values());
    return "quarantine/alerts";
  }

  /** The table alone, for the 5-second refresh. */
  @GetMapping("/table")
  String tableOnly(@RequestParam(required = false) AlertKind kind, @RequestParam(required = false) Integer page,
      Model model) {
    table(kind, page, model);
    for (String link : new String[] {"prevUrl", "nextUrl"}) {
      Object url = model.getAttribute(link);
      if (url != null) {
        model.addAttribute(link, url.toString().replace("/quarantine/alerts/table", "/quarantine/alerts"));
      }
    }
    return "quarantine/alerts :: table";
  }

  private void table(AlertKind kind, Integer page, Model model) {
    model.addAttribute("wording", new org.epicommand.quarantine.internal.AlertWording(messages,
        org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    model.addAttribute("kind", kind);
    model.addAttribute("unresolved", alerts.countUnresolved());
    FormMessages.pager(model, alerts.list(null, kind, Paging.of(page, 50)));
  }

  @PostMapping("/{id}/acknowledge")
  @PreAuthorize(HANDLE)
  String acknowledge(@PathVariable UUID id, @RequestParam(required = false) AlertKind kind,
      RedirectAttributes redirect) {
    return pages.run(redirect, back(kind), "qp.alert.acknowledged", () -> alerts.acknowledge(id));
  }

  @PostMapping("/{id}/resolve")
  @PreAuthorize(HANDLE)
  String resolve(@PathVariable UUID id, @RequestParam(required = false) String note,
      @RequestParam(required = false) AlertKind kind, RedirectAttributes redirect) {
    return pages.run(redirect, back(kind), "qp.alert.resolved", () -> alerts.resolve(id, note));
  }

  /** Back to the list the worker came from (the kind filter kept). */
  private static String back(AlertKind kind) {
    return kind == null ? "/quarantine/alerts" : "/quarantine/alerts?kind=" + kind;
  }
}
