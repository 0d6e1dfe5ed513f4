package org.epicommand.command.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.command.CommandTasks;
import org.epicommand.command.DailyReporting;
import org.epicommand.command.ReportTemplates;
import org.epicommand.command.TaskState;
import org.epicommand.command.Unit;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.Tally;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home-page card of a unit's member: tasks waiting to be accepted, open tasks past their
 * deadline, and whether yesterday's daily report is still to file. Nothing for a user without a unit.
 */
@Controller
@PreAuthorize("hasAuthority('UNIT_WORK')")
class CommandWidgetController {

  private final CommandTasks tasks;
  private final DailyReporting reporting;
  private final ReportTemplates templates;
  private final Clock clock;

  CommandWidgetController(CommandTasks tasks, DailyReporting reporting, ReportTemplates templates, Clock clock) {
    this.tasks = tasks;
    this.reporting = reporting;
    this.templates = templates;
    this.clock = clock;
  }

  @GetMapping("/command/widget")
  String widget(Model model) {
    Unit unit;
    try {
      unit = tasks.myUnit(null);
    } catch (RecordNotFound noUnit) {
      return "fragments/tally :: none";
    }
    Paging first = Paging.of(0, Tally.CAP);
    LocalDate yesterday = LocalDate.now(clock).minusDays(1);
    long owed = 0;
    try {
      Unit reporter = reporting.reportingUnitOfCaller(null);
      reporting.get(templates.of(reporter).id(), reporter.code(), yesterday);
    } catch (RecordNotFound notFiled) {
      owed = 1;
    }
    model.addAttribute("widgetId", "command");
    model.addAttribute("titleKey", "home.widget.command");
    model.addAttribute("cardHref", "/command/tasks");
    model.addAttribute("cardLinkKey", "home.widget.command.open");
    model.addAttribute("notes", List.of(unit.name()));
    model.addAttribute("tallies", List.of(
        Tally.of("home.widget.command.toAccept", tasks.inbox(unit.code(), TaskState.ASSIGNED, first), "/command/tasks"),
        Tally.of("home.widget.command.overdue", tasks.overdueInbox(unit.code(), first),
            "/command/tasks"),
        new Tally("home.widget.command.reportOwed", owed, false, "/command/reports/file")));
    return "fragments/tally :: card";
  }

  @Configuration(proxyBeanMethods = false)
  static class Widget {

    @Bean
    HomeWidget commandHomeWidget() {
      return new HomeWidget(70, "/command/widget", "UNIT_WORK");
    }

    @Bean
    HomeWidget dutyHomeWidget() {
      return new HomeWidget(5, "/command/duty/widget", "UNIT_WORK");
    }
  }
}
