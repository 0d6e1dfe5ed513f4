package org.epicommand.keygroup.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.keygroup.KeyGroupMembers;
import org.epicommand.keygroup.KeyGroups;
import org.epicommand.keygroup.MemberSchedules;
import org.epicommand.keygroup.MemberState;
import org.epicommand.keygroup.NewKeyGroup;
import org.epicommand.keygroup.NewMember;
import org.epicommand.keygroup.NewSchedule;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.DashboardTile;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.Tally;
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

/**
 * The key-group pages, phone first: the groups with their schedule editions ({@code /keygroups}), a group's
 * roster with the add form ({@code /keygroups/{code}/members}) and the due and overdue list
 * ({@code /keygroups/overdue}).
 */
@Controller
@RequestMapping("/keygroups")
class KeyGroupPageController {

  private final KeyGroups groups;
  private final KeyGroupMembers members;
  private final MemberSchedules schedules;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  KeyGroupPageController(KeyGroups groups, KeyGroupMembers members, MemberSchedules schedules,
      CurrentUser currentUser, FormMessages forms, Clock clock) {
    this.groups = groups;
    this.members = members;
    this.schedules = schedules;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize(KeyGroupApiController.READ)
  String groups(Model model) {
    model.addAttribute("groups", groups.list());
    model.addAttribute("canManage", currentUser.get().has(Permission.KEYGROUP_MANAGE));
    model.addAttribute("today", LocalDate.now(clock));
    return "keygroup/groups";
  }

  @PostMapping
  @PreAuthorize(KeyGroupApiController.MANAGE)
  String define(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
      @RequestParam(required = false) Integer everyDays, @RequestParam(required = false) Integer perWeek,
      @RequestParam(required = false) Integer minIntervalHours, @RequestParam(required = false) Integer blocksDays,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/keygroups", "keygroup.page.defined", () -> groups.define(new NewKeyGroup(code, name,
        new NewSchedule(null, everyDays, perWeek, minIntervalHours, blocksDays, null, null, null, null))));
  }

  @PostMapping("/{code}/schedules")
  @PreAuthorize(KeyGroupApiController.MANAGE)
  String supersede(@PathVariable String code,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      @RequestParam(required = false) Integer everyDays, @RequestParam(required = false) Integer perWeek,
      @RequestParam(required = false) Integer minIntervalHours, @RequestParam(required = false) Integer blocksDays,
      @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return forms.run(redirect, "/keygroups", "keygroup.page.superseded", () -> groups.supersede(code,
        new NewSchedule(effectiveFrom, everyDays, perWeek, minIntervalHours, blocksDays, null, null, null, note)));
  }

  @GetMapping("/{code}/members")
  @PreAuthorize(KeyGroupApiController.READ)
  String members(@PathVariable String code, @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("group", groups.get(code));
    FormMessages.pager(model, members.list(code, null, true, Paging.of(page == null ? null : Math.max(page, 0), 30)));
    model.addAttribute("canRoster", currentUser.get().has(Permission.KEYGROUP_ROSTER));
    model.addAttribute("chosen", null);
    return "keygroup/members";
  }

  @PostMapping("/{code}/members")
  @PreAuthorize(KeyGroupApiController.ROSTER)
  String add(@PathVariable String code, @RequestParam(required = false) String personId,
      @RequestParam(required = false) String organisation, @RequestParam(required = false) String post,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/keygroups/" + code + "/members", "keygroup.page.added",
        () -> members.add(code, new NewMember(personId, organisation, post, null, null, null)));
  }

  @PostMapping("/members/{id}/retire")
  @PreAuthorize(KeyGroupApiController.ROSTER)
  String retire(@PathVariable UUID id, @RequestParam String group, RedirectAttributes redirect) {
    return forms.run(redirect, "/keygroups/" + group + "/members", "keygroup.page.retired", () -> members.retire(id));
  }

  @GetMapping("/overdue")
  @PreAuthorize(KeyGroupApiController.READ)
  String overdue(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String group,
      @RequestParam(required = false) MemberState state, @RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, schedules.list(jurisdiction, group, null, state == null ? null : Set.of(state),
        Paging.of(page == null ? null : Math.max(page, 0), 30)));
    model.addAttribute("groups", groups.list());
    model.addAttribute("group", group);
    model.addAttribute("state", state);
    model.addAttribute("states", MemberState.values());
    model.addAttribute("zone", clock.getZone());
    return "keygroup/overdue";
  }

  /**
   * The dashboard's tile 重点人群检测: the open memberships of the chosen district (or the caller's reach) by state,
   * each linking to the list that works them off, and the share tested on time.
   */
  @GetMapping("/tile")
  @PreAuthorize(KeyGroupApiController.READ)
  String tile(@RequestParam(required = false) String district, Model model) {
    String within = district == null || district.isBlank() ? null : district.strip();
    Map<MemberState, Long> counts = schedules.tally(within);
    String list = "/keygroups/overdue" + (within == null ? "" : "?jurisdiction=" + within);
    List<Tally> tallies = new ArrayList<>();
    for (MemberState state : List.of(MemberState.OVERDUE, MemberState.BLOCKED_FROM_DUTY, MemberState.NEVER_TESTED,
        MemberState.DUE_TODAY)) {
      tallies.add(new Tally("keygroup.state." + state.name(), counts.get(state), false, list));
    }
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    long onTime = counts.get(MemberState.UP_TO_DATE);
    model.addAttribute("widgetId", "keygroup");
    model.addAttribute("titleKey", "keygroup.tile.title");
    model.addAttribute("cardHref", "/keygroups/overdue");
    model.addAttribute("tallies", tallies);
    model.addAttribute("alert", total == 0 ? null : forms.text("keygroup.tile.onTime", onTime, total,
        Math.round(100.0 * onTime / total)));
    model.addAttribute("alertOk", total > 0 && onTime == total);
    model.addAttribute("notes", total == 0 ? List.of(forms.text("keygroup.tile.none")) : List.of());
    return "keygroup/tile :: tile";
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem keyGroupOverdueNavigation() {
      return new NavigationItem(570, "/keygroups/overdue", "nav.keyGroupOverdue", "KEYGROUP_READ",
          NavigationGroup.SENTINEL);
    }

    @Bean
    NavigationItem keyGroupsNavigation() {
      return new NavigationItem(571, "/keygroups", "nav.keyGroups", "KEYGROUP_READ", NavigationGroup.SENTINEL);
    }

    @Bean
    DashboardTile keyGroupDashboardTile() {
      return new DashboardTile(50, "/keygroups/tile", "KEYGROUP_READ");
    }
  }
}
