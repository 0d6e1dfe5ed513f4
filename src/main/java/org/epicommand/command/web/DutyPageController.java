package org.epicommand.command.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.command.CommandOrganisation;
import org.epicommand.command.Duty;
import org.epicommand.command.DutyRoster;
import org.epicommand.command.Unit;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.TypedDay;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The duty roster grid (值班表): a unit's week or month in one form, one line per day with the
 * leader on duty, the staff on duty and the phone (a phone given once fills the days left without
 * one). Members enter their own unit's roster, the command office any unit's.
 */
@Controller
@RequestMapping("/command/duty/roster")
class DutyPageController {

  /** One line of the grid. */
  record Line(LocalDate date, String leader, String staff, String phone) {}

  private static final Pattern ROW_FIELD = Pattern.compile("days\\[(\\d+)]\\.(\\w+)");

  private final DutyRoster roster;
  private final CommandOrganisation organisation;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  DutyPageController(DutyRoster roster, CommandOrganisation organisation, CurrentUser currentUser, FormMessages forms,
      Clock clock) {
    this.roster = roster;
    this.organisation = organisation;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  String grid(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
      @RequestParam(required = false) String start, Model model) {
    boolean month = "month".equals(period);
    LocalDate first = first(parse(start), month);
    LocalDate last = month ? first.plusMonths(1).minusDays(1) : first.plusDays(6);
    List<Unit> units = choosable();
    model.addAttribute("units", units);
    model.addAttribute("period", month ? "month" : "week");
    model.addAttribute("first", first);
    model.addAttribute("last", last);
    model.addAttribute("previous", month ? first.minusMonths(1) : first.minusWeeks(1));
    model.addAttribute("next", month ? first.plusMonths(1) : first.plusWeeks(1));
    model.addAttribute("today", LocalDate.now(clock));
    if (units.isEmpty()) {
      return "command/duty-roster";
    }
    Unit selected = unit == null || unit.isBlank() ? units.get(0) : units.stream()
        .filter(u -> u.code().equals(unit)).findFirst().orElseThrow(() -> new RecordNotFound("unit"));
    model.addAttribute("unit", selected);
    if (!model.containsAttribute("lines")) {
      Map<LocalDate, Duty> entered = new HashMap<>();
      roster.range(selected.code(), first, last).forEach(d -> entered.put(d.date(), d));
      List<Line> lines = new ArrayList<>();
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        Duty duty = entered.get(day);
        lines.add(duty == null ? new Line(day, "", "", "") : new Line(day, duty.leader(), duty.staff(), duty.phone()));
      }
      model.addAttribute("lines", lines);
    }
    return "command/duty-roster";
  }

  /** Saves the lines that have anything in them, all or nothing; blank lines are left as they were. */
  @PostMapping
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
    String unit = form.get("unit");
    String defaultPhone = form.getOrDefault("defaultPhone", "").strip();
    List<Line> lines = new ArrayList<>();
    List<DutyRoster.DayDuty> days = new ArrayList<>();
    List<Integer> lineOfDay = new ArrayList<>();
    for (int i = 0; form.containsKey("date_" + i); i++) {
      Line line = new Line(parse(form.get("date_" + i)), value(form, "leader_" + i), value(form, "staff_" + i),
          value(form, "phone_" + i));
      lines.add(line);
      if (line.date() != null && !(line.leader().isEmpty() && line.staff().isEmpty() && line.phone().isEmpty())) {
        days.add(new DutyRoster.DayDuty(line.date(), line.leader(), line.staff(),
            line.phone().isEmpty() ? defaultPhone : line.phone()));
        lineOfDay.add(i);
      }
    }
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      roster.putRange(unit, days);
      redirect.addFlashAttribute("saved", days.size());
      return "redirect:/command/duty/roster?unit=" + unit + "&period=" + form.get("period") + "&start="
          + form.get("start");
    } catch (ValidationFailure e) {
      for (FieldProblem problem : e.problems()) {
        Matcher row = ROW_FIELD.matcher(problem.field());
        String key = row.matches() ? row.group(2) + "_" + lineOfDay.get(Integer.parseInt(row.group(1)))
            : problem.field();
        errors.putIfAbsent(key, forms.text("error." + problem.code(), problem.args().toArray()));
      }
    } catch (Conflict e) {
      model.addAttribute("failure", forms.text("error." + e.code(), e.currentState()));
    }
    model.addAttribute("errors", errors);
    model.addAttribute("lines", lines);
    model.addAttribute("defaultPhone", defaultPhone);
    return grid(unit, form.get("period"), form.get("start"), model);
  }

  /** The units the caller may enter duty for today: any active unit for the command office, else their own. */
  private List<Unit> choosable() {
    UserContext user = currentUser.get();
    if (user.has(Permission.COMMAND_MANAGE)) {
      return organisation.activeUnits();
    }
    LocalDate today = LocalDate.now(clock);
    return organisation.unitsOf(user.username()).stream().filter(u -> u.activeOn(today)).toList();
  }

  private LocalDate first(LocalDate start, boolean month) {
    LocalDate day = start == null ? LocalDate.now(clock) : start;
    return month ? day.withDayOfMonth(1) : day.with(DayOfWeek.MONDAY);
  }

  private static LocalDate parse(String text) {
    return TypedDay.orNull(text);
  }

  private static String value(Map<String, String> form, String key) {
    String value = form.get(key);
    return value == null ? "" : value.strip();
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem dutyRosterNavigation() {
      return new NavigationItem(215, "/command/duty/roster", "nav.dutyRoster", "UNIT_WORK", NavigationGroup.COMMAND);
    }
  }
}
