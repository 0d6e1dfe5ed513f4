package org.epicommand.quarantine.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.epicommand.quarantine.AlertKind;
import org.epicommand.quarantine.QuarantineAlert;
import org.epicommand.quarantine.QuarantineAlerts;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The community worker's door screen (门磁告警): open door and silent-sensor alerts of the jurisdiction, refreshed
 * by htmx every 3 s, acknowledged and resolved with a note in place. Made for a phone.
 */
@Controller
@RequestMapping("/quarantine/alerts/doors")
@PreAuthorize("hasAuthority('QUARANTINE_READ')")
class DoorAlertPageController {

  /** One row of the screen, times already in the city's zone. */
  record DoorAlertRow(String id, String kind, String personName, String detail, String raisedAt, String state,
      String acknowledgedBy, int repeats, String lastAt, String orderId) {}

  static final int SHOWN = 50;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final QuarantineAlerts alerts;
  private final MessageSource messages;
  private final Clock clock;

  DoorAlertPageController(QuarantineAlerts alerts, MessageSource messages, Clock clock) {
    this.alerts = alerts;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping
  String page(Model model) {
    fill(model);
    return "quarantine/doors";
  }

  @GetMapping("/list")
  String list(Model model) {
    fill(model);
    return "quarantine/doors-list :: list";
  }

  @PostMapping("/{id}/acknowledge")
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  String acknowledge(@PathVariable UUID id, Model model, Locale locale) {
    try {
      alerts.acknowledge(id);
    } catch (Conflict | RecordNotFound e) {
      model.addAttribute("problem", problem(e, locale));
    }
    fill(model);
    return "quarantine/doors-list :: list";
  }

  @PostMapping("/{id}/resolve")
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  String resolve(@PathVariable UUID id, @RequestParam(required = false) String note, Model model, Locale locale) {
    try {
      alerts.resolve(id, note);
    } catch (Conflict | RecordNotFound | ValidationFailure e) {
      model.addAttribute("problem", problem(e, locale));
    }
    fill(model);
    return "quarantine/doors-list :: list";
  }

  private void fill(Model model) {
    Paging first = Paging.of(0, SHOWN);
    List<DoorAlertRow> rows = Stream.of(AlertKind.DOOR_OPENED, AlertKind.SENSOR_SILENT)
        .flatMap(kind -> alerts.list(null, kind, first).items().stream())
        .sorted(Comparator.comparing(QuarantineAlert::raisedAt).reversed()).limit(SHOWN)
        .map(this::row).toList();
    model.addAttribute("alerts", rows);
    model.addAttribute("refreshedAt", CLOCK.format(clock.instant().atZone(clock.getZone())));
  }

  private DoorAlertRow row(QuarantineAlert alert) {
    return new DoorAlertRow(alert.id(), alert.kind().name(), alert.personName(), alert.detail(),
        TIME.format(alert.raisedAt().atZoneSameInstant(clock.getZone())), alert.state().name(),
        alert.acknowledgedBy(), alert.repeats(),
        alert.lastAt() == null ? null : CLOCK.format(alert.lastAt().atZoneSameInstant(clock.getZone())),
            alert.orderId());
  }

  private String problem(RuntimeException e, Locale locale) {
    if (e instanceof ValidationFailure failure && !failure.problems().isEmpty()) {
      FieldProblem first = failure.problems().get(0);
      return messages.getMessage("error." + first.code(), first.args().toArray(), first.code(), locale);
    }
    if (e instanceof Conflict conflict) {
      return messages.getMessage("error." + conflict.code(), new Object[] {conflict.currentState()}, conflict.code(),
          locale);
    }
    return messages.getMessage("quarantine.doors.gone", null, locale);
  }

  @Configuration(proxyBeanMethods = false)
  static class DoorAlertNavigation {

    @Bean
    NavigationItem doorAlertNavigation() {
      return new NavigationItem(320, "/quarantine/alerts/doors", "nav.quarantine.doors", "QUARANTINE_READ",
          NavigationGroup.QUARANTINE);
    }
  }
}
