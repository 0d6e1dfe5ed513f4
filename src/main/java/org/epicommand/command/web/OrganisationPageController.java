package org.epicommand.command.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.UserAdministration;
import org.epicommand.command.CommandOrganisation;
import org.epicommand.command.Leader;
import org.epicommand.command.LeaderPosition;
import org.epicommand.command.LeadershipGroup;
import org.epicommand.command.Unit;
import org.epicommand.command.UnitKind;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.RecordNotFound;
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
 * The command office keeps its organisation here: units by kind (create, correct, retire,
 * reactivate, members) and the leadership group (appoint, correct, end a term; former members
 * stay in the history). Everyone who reads the command picture sees the pages; the forms are the
 * office's (COMMAND_MANAGE).
 */
@Controller
@RequestMapping("/command")
class OrganisationPageController {

  /** The unit form as typed. */
  record UnitForm(String code, String name, UnitKind kind, String jurisdictionCode, Boolean reporting,
      Integer sortOrder) {}

  /** The membership form as typed. */
  record MemberForm(String name, LeaderPosition position, String title, String phone, String username,
      Integer sortOrder, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate servedFrom) {

    LeadershipGroup.Membership membership() {
      return new LeadershipGroup.Membership(name, position, title, phone, username, sortOrder, servedFrom);
    }
  }

  private final CommandOrganisation organisation;
  private final LeadershipGroup leadership;
  private final UserAdministration users;
  private final Jurisdictions jurisdictions;
  private final FormMessages forms;
  private final Clock clock;

  OrganisationPageController(CommandOrganisation organisation, LeadershipGroup leadership, UserAdministration users,
      Jurisdictions jurisdictions, FormMessages forms, Clock clock) {
    this.organisation = organisation;
    this.leadership = leadership;
    this.users = users;
    this.jurisdictions = jurisdictions;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/units")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  String units(Model model) {
    Map<UnitKind, List<Unit>> byKind = new LinkedHashMap<>();
    for (UnitKind kind : UnitKind.values()) {
      byKind.put(kind, new java.util.ArrayList<>());
    }
    List<Unit> all = organisation.units();
    all.forEach(unit -> byKind.get(unit.kind()).add(unit));
    model.addAttribute("byKind", byKind);
    model.addAttribute("unitCount", all.size());
    model.addAttribute("kinds", UnitKind.values());
    model.addAttribute("today", LocalDate.now(clock));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new UnitForm("", "", UnitKind.DEPARTMENT, "", true, null));
    }
    return "command/units";
  }

  @PostMapping("/units")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String createUnit(UnitForm form, Model model) {
    PageStep refusals = forms.model(model).conflictOn("code");
    return refusals.view(() -> {
      Unit unit = organisation.createUnit(form.code() == null ? null : form.code().strip(), form.name(), form.kind(),
          form.jurisdictionCode(), Boolean.TRUE.equals(form.reporting()), form.sortOrder());
      return "redirect:/command/units/" + unit.code();
    }, () -> {
      model.addAttribute("form", form);
      return units(model);
    });
  }

  @GetMapping("/units/{code}")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  String unit(@PathVariable String code, Model model) {
    Unit unit = organisation.unit(code).orElseThrow(() -> new RecordNotFound("unit"));
    model.addAttribute("unit", unit);
    model.addAttribute("active", unit.activeOn(LocalDate.now(clock)));
    model.addAttribute("kinds", UnitKind.values());
    model.addAttribute("place", unit.jurisdictionCode() == null ? null
        : jurisdictions.find(unit.jurisdictionCode()).orElse(null));
    model.addAttribute("members", organisation.members(code).stream().map(username -> Map.of("username", username,
        "name", users.findByUsername(username).map(u -> u.displayName() == null ? username : u.displayName())
            .orElse(username))).toList());
    model.addAttribute("today", LocalDate.now(clock));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new UnitForm(unit.code(), unit.name(), unit.kind(), unit.jurisdictionCode(),
          unit.reporting(), unit.sortOrder()));
    }
    return "command/unit";
  }

  @PostMapping("/units/{code}")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String updateUnit(@PathVariable String code, UnitForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).letConflictsThrough();
    return refusals.view(() -> {
      organisation.updateUnit(code, new CommandOrganisation.UnitDetails(form.name(), form.kind(),
          form.jurisdictionCode(), Boolean.TRUE.equals(form.reporting()), form.sortOrder()));
      redirect.addFlashAttribute("saved", true);
      return "redirect:/command/units/" + code;
    }, () -> {
      model.addAttribute("form", form);
      return unit(code, model);
    });
  }

  @PostMapping("/units/{code}/retire")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String retireUnit(@PathVariable String code,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      RedirectAttributes redirect) {
    PageChanges.run(forms, redirect, "failure", () -> organisation.retireUnit(code, from));
    return "redirect:/command/units/" + code;
  }

  @PostMapping("/units/{code}/reactivate")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String reactivateUnit(@PathVariable String code, RedirectAttributes redirect) {
    PageChanges.run(forms, redirect, "failure", () -> organisation.reactivateUnit(code));
    return "redirect:/command/units/" + code;
  }

  @PostMapping("/units/{code}/members")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String addMember(@PathVariable String code, @RequestParam(required = false) String username,
      RedirectAttributes redirect) {
    PageChanges.run(forms, redirect, "memberError", () -> organisation.addMember(code, username));
    return "redirect:/command/units/" + code;
  }

  @PostMapping("/units/{code}/members/{username}/remove")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String removeMember(@PathVariable String code, @PathVariable String username, RedirectAttributes redirect) {
    organisation.removeMember(code, username);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/command/units/" + code;
  }

  @GetMapping("/leadership")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  String leadership(Model model) {
    List<Leader> serving = leadership.serving();
    Map<LeaderPosition, List<Leader>> groups = new java.util.EnumMap<>(LeaderPosition.class);
    for (LeaderPosition position : LeaderPosition.values()) {
      groups.put(position, serving.stream().filter(l -> l.position() == position).toList());
    }
    model.addAttribute("serving", serving);
    model.addAttribute("groups", groups);
    model.addAttribute("former", leadership.former());
    model.addAttribute("positions", LeaderPosition.values());
    model.addAttribute("today", LocalDate.now(clock));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new MemberForm("", LeaderPosition.MEMBER, "", "", "", null, null));
    }
    return "command/leadership";
  }

  @PostMapping("/leadership")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String appoint(MemberForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).conflictOn("position");
    return refusals.view(() -> {
      leadership.appoint(form.membership());
      redirect.addFlashAttribute("saved", true);
      return "redirect:/command/leadership";
    }, () -> {
      model.addAttribute("form", form);
      return leadership(model);
    });
  }

  @PostMapping("/leadership/{id}")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String updateMember(@PathVariable UUID id, MemberForm form, RedirectAttributes redirect) {
    PageChanges.run(forms, redirect, "failure", () -> leadership.update(id, form.membership()));
    return "redirect:/command/leadership";
  }

  @PostMapping("/leadership/{id}/end")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String endMember(@PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate servedUntil,
      RedirectAttributes redirect) {
    PageChanges.run(forms, redirect, "failure", () -> leadership.end(id, servedUntil));
    return "redirect:/command/leadership";
  }
}
