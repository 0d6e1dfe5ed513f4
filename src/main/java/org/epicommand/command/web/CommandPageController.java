package org.epicommand.command.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.command.CommandMeetings;
import org.epicommand.command.CommandOrganisation;
import org.epicommand.command.CommandTasks;
import org.epicommand.command.DutyRoster;
import org.epicommand.command.LeadershipGroup;
import org.epicommand.command.MeetingKind;
import org.epicommand.command.ResponseLevel;
import org.epicommand.command.TaskAction;
import org.epicommand.command.TaskView;
import org.epicommand.command.UnitKind;
import org.epicommand.command.TaskFilter;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Command pages: organisation and response level, meetings and decisions, task inbox and task detail, duty widget. */
@Controller
@RequestMapping("/command")
class CommandPageController {

  private final CommandOrganisation organisation;
  private final LeadershipGroup leadership;
  private final DutyRoster roster;
  private final CommandMeetings meetings;
  private final CommandTasks tasks;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  CommandPageController(CommandOrganisation organisation, LeadershipGroup leadership, DutyRoster roster,
      CommandMeetings meetings, CommandTasks tasks, CurrentUser currentUser, FormMessages forms, Clock clock) {
    this.organisation = organisation;
    this.leadership = leadership;
    this.roster = roster;
    this.meetings = meetings;
    this.tasks = tasks;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  String overview(Model model) {
    model.addAttribute("level", organisation.responseLevel());
    model.addAttribute("levels", ResponseLevel.values());
    model.addAttribute("leaders", leadership.serving());
    List<org.epicommand.command.Unit> units = organisation.activeUnits();
    model.addAttribute("units", units);
    // the kinds the city has units of, in their order
    model.addAttribute("kinds", java.util.Arrays.stream(UnitKind.values())
        .filter(kind -> units.stream().anyMatch(u -> u.kind() == kind)).toList());
    model.addAttribute("duty", roster.onDay(LocalDate.now(clock)));
    return "command/overview";
  }

  @PostMapping("/response-level")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String changeLevel(@RequestParam(required = false) ResponseLevel level, @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect).firstMessage("levelError");
    return refusals.redirect("/command", () -> {
      organisation.changeLevel(level, reason);
    });
  }

  /** The home page's widget: today's duty of the user's unit (nothing when they have none). */
  @GetMapping("/duty/widget")
  String dutyWidget(Model model) {
    model.addAttribute("duty", roster.myDutyToday().orElse(null));
    return "command/duty-widget :: widget";
  }

  @GetMapping("/meetings")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  String meetings(@RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, meetings.list(Paging.of(page, 20)));
    model.addAttribute("kinds", MeetingKind.values());
    return "command/meetings";
  }

  @PostMapping("/meetings")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String createMeeting(@RequestParam(required = false) String number, @RequestParam(required = false) MeetingKind kind,
      @RequestParam(required = false) String title, @RequestParam(required = false) String chair,
      @RequestParam(required = false) String attendees, @RequestParam(required = false) String reportsHeard,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
      RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect).conflictOn("number");
    return refusals.view(() -> {
      var meeting = meetings.create(new CommandMeetings.NewMeeting(number, kind, title, chair, lines(attendees),
          lines(reportsHeard), heldOn));
      return "redirect:/command/meetings/" + meeting.id();
    }, () -> "redirect:/command/meetings");
  }

  @GetMapping("/meetings/{id}")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  String meeting(@PathVariable UUID id, Model model) {
    model.addAttribute("meeting", meetings.get(id));
    model.addAttribute("units", organisation.activeUnits());
    return "command/meeting";
  }

  @PostMapping("/meetings/{id}/decisions")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String decide(@PathVariable UUID id, @RequestParam(required = false) String text,
      @RequestParam(required = false) String unitCode, @RequestParam(required = false) String title,
      @RequestParam(required = false) String deadline, RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect)
        .on(java.time.format.DateTimeParseException.class, "tasks[0].deadline", "error.command.task.deadline")
        .conflictOn("tasks[0].unitCode", forms::stated);
    return refusals.redirect("/command/meetings/" + id, () -> {
      // a datetime-local field: "2022-11-11T10:00", in the city's zone
      LocalDateTime due = deadline == null || deadline.isBlank() ? null : LocalDateTime.parse(deadline.strip());
      meetings.decide(id, new CommandMeetings.NewDecision(text, List.of(new CommandTasks.NewTask(unitCode, title, null,
          due == null ? null : due.atZone(clock.getZone()).toOffsetDateTime()))));
    });
  }

  @GetMapping("/tasks")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  String tasks(@RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) Integer page,
      Model model) {
    boolean mayReadAll = currentUser.get().has(Permission.COMMAND_READ);
    boolean showAll = all && mayReadAll;
    model.addAttribute("all", showAll);
    model.addAttribute("mayReadAll", mayReadAll);
    if (showAll) {
      FormMessages.pager(model, tasks.list(new TaskFilter(null, null, null), Paging.of(page, 20)));
    } else {
      try {
        var unit = tasks.myUnit(null);
        model.addAttribute("unit", unit);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("duty", roster.myDutyToday().orElse(null));
        FormMessages.pager(model, tasks.inbox(null, null, Paging.of(page, 20)));
      } catch (RecordNotFound e) {
        model.addAttribute("noUnit", true);
      }
    }
    return "command/tasks";
  }

  /** A unit member (or the command office) sets the unit's duty for a day. */
  @PostMapping("/duty")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  String putDuty(@RequestParam(required = false) String unitCode,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) String leader, @RequestParam(required = false) String staff,
      @RequestParam(required = false) String phone, RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect).conflictOn("date", forms::stated);
    return refusals.redirect("/command/tasks", () -> {
      roster.put(unitCode, date, leader, staff, phone);
      redirect.addFlashAttribute("dutySaved", true);
    });
  }

  @GetMapping("/tasks/{id}")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  String task(@PathVariable UUID id, Model model) {
    TaskView task = tasks.get(id);
    model.addAttribute("task", task);
    // only the steps the task's state allows; the unit's steps first, then the command office's
    model.addAttribute("unitSteps", java.util.stream.Stream.of(TaskAction.ACCEPT, TaskAction.START, TaskAction.COMPLETE)
        .filter(a -> task.state().after(a) != null).map(a -> a.name().toLowerCase()).toList());
    List<String> officeSteps = new java.util.ArrayList<>(java.util.stream.Stream.of(TaskAction.VERIFY,
        TaskAction.REJECT)
        .filter(a -> task.state().after(a) != null).map(a -> a.name().toLowerCase()).toList());
    if (task.state().open()) {
      officeSteps.addAll(List.of("remind", "supervise"));
    }
    model.addAttribute("officeSteps", officeSteps);
    return "command/task";
  }

  @PostMapping("/tasks/{id}/{step}")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    TaskAction action = switch (step) {
      case "accept" -> TaskAction.ACCEPT;
      case "start" -> TaskAction.START;
      case "complete" -> TaskAction.COMPLETE;
      case "verify" -> TaskAction.VERIFY;
      case "reject" -> TaskAction.REJECT;
      case "remind", "supervise" -> null;
      default -> throw new RecordNotFound("step");
    };
    PageStep refusals = forms.flash(redirect).firstMessage("stepError");
    return refusals.redirect("/command/tasks/" + id, () -> {
      if (action == null) {
        tasks.chase(id, step.equals("supervise"), note);
      } else {
        tasks.act(id, action, note);
      }
    });
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : List.of(text.split("[\\r\\n、,，]+"));
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem commandNavigation() {
      return new NavigationItem(200, "/command", "nav.command", "COMMAND_READ", NavigationGroup.COMMAND);
    }

    @Bean
    NavigationItem commandTasksNavigation() {
      return new NavigationItem(210, "/command/tasks", "nav.commandTasks", "UNIT_WORK", NavigationGroup.COMMAND);
    }

    @Bean
    NavigationItem commandMeetingsNavigation() {
      return new NavigationItem(205, "/command/meetings", "nav.commandMeetings", "COMMAND_READ",
          NavigationGroup.COMMAND);
    }
  }
}
