package org.epicommand.enterprise.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.enterprise.ApplicationKind;
import org.epicommand.enterprise.DailyHealth;
import org.epicommand.enterprise.GateException;
import org.epicommand.enterprise.Health;
import org.epicommand.enterprise.NewDailyHealth;
import org.epicommand.enterprise.NewStaffMember;
import org.epicommand.enterprise.ResumptionApplications;
import org.epicommand.enterprise.StaffLedger;
import org.epicommand.organisation.Organisation;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Organisations;
import org.epicommand.person.IdType;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.Paging;
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
 * An organisation's own work on one phone page ({@code /organisations/{id}/staff}): the 返岗 staff
 * ledger with its cleared share, the day's health report (晨午检) and its recent days, and the
 * organisation's resumption applications with the form to file one. A contact sees only their own
 * organisation (404 otherwise).
 */
@Controller
@RequestMapping("/organisations/{id}")
@PreAuthorize(ApplicationApiController.READ)
class OrganisationWorkPageController {

  private final Organisations organisations;
  private final StaffLedger ledger;
  private final DailyHealth health;
  private final ResumptionApplications applications;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  OrganisationWorkPageController(Organisations organisations, StaffLedger ledger, DailyHealth health,
      ResumptionApplications applications, CurrentUser currentUser, FormMessages forms, Clock clock) {
    this.organisations = organisations;
    this.ledger = ledger;
    this.health = health;
    this.applications = applications;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/staff")
  String page(@PathVariable String id, @RequestParam(required = false) Boolean onDuty,
      @RequestParam(required = false) Boolean cleared, @RequestParam(required = false) Integer page, Model model) {
    Organisation organisation = organisations.get(id);
    UserContext user = currentUser.get();
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("org", organisation);
    model.addAttribute("staffing", ledger.staffing(organisation.id()));
    FormMessages.pager(model, ledger.list(organisation.id(), onDuty, cleared,
        Paging.of(page == null ? null : Math.max(page, 0), 30)));
    model.addAttribute("onDuty", onDuty);
    model.addAttribute("cleared", cleared);
    model.addAttribute("reports", health.list(organisation.id(), today.minusDays(13), today));
    model.addAttribute("today", today);
    model.addAttribute("venue", organisation.kind() == OrganisationKind.SCENIC_SPOT
        || organisation.kind() == OrganisationKind.RELIGIOUS_SITE);
    model.addAttribute("applications", applications.list(new ResumptionApplications.Filter(null,
        organisation.id(), null, null), Paging.of(0, 20)).items());
    model.addAttribute("canApply", user.has(Permission.RESUMPTION_APPLY) && organisation.active());
    model.addAttribute("idTypes", IdType.values());
    model.addAttribute("healths", Health.values());
    model.addAttribute("applicationKinds", ApplicationKind.values());
    model.addAttribute("exceptions", GateException.values());
    return "enterprise/organisation";
  }

  @PostMapping("/staff")
  @PreAuthorize(ApplicationApiController.APPLY)
  String add(@PathVariable String id, @RequestParam(required = false) String name,
      @RequestParam(required = false) IdType idType, @RequestParam(required = false) String idNumber,
      @RequestParam(required = false) String phone, @RequestParam(required = false) String post,
      @RequestParam(required = false) String returnedFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedOn,
      @RequestParam(defaultValue = "false") boolean onDuty, RedirectAttributes redirect) {
    return forms.run(redirect, target(id), "resumption.page.staffAdded", () -> ledger.add(id,
        new NewStaffMember(name, idType, idNumber, phone, post, false, returnedFrom, returnedOn, null, null, onDuty)));
  }

  /**
   * Corrects a staff member on the page (not the document; a blank phone keeps the one stored); refusals are
   * said next to the fields of that staff member's form.
   */
  @PostMapping("/staff/{staffId}")
  @PreAuthorize(ApplicationApiController.APPLY)
  String edit(@PathVariable String id, @PathVariable UUID staffId, @RequestParam(required = false) String name,
      @RequestParam(required = false) String phone, @RequestParam(required = false) String post,
      @RequestParam(defaultValue = "false") boolean keyPost, @RequestParam(required = false) String returnedFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedOn,
      @RequestParam(required = false) String travelNote, @RequestParam(required = false) Health health,
      @RequestParam(defaultValue = "false") boolean onDuty, RedirectAttributes redirect) {
    redirect.addFlashAttribute("editStaff", staffId.toString());
    return forms.run(redirect, target(id) + "#staff-" + staffId, "resumption.page.staffSaved",
        () -> ledger.correct(id, staffId, new NewStaffMember(name, null, null, phone, post, keyPost, returnedFrom,
            returnedOn, travelNote, health, onDuty)));
  }

  /** Puts a staff member on duty or off it (on duty only while cleared: the 409 is said on the page). */
  @PostMapping("/staff/{staffId}/duty")
  @PreAuthorize(ApplicationApiController.APPLY)
  String duty(@PathVariable String id, @PathVariable UUID staffId, @RequestParam boolean onDuty,
      RedirectAttributes redirect) {
    return forms.run(redirect, target(id), "resumption.page.dutySaved",
        () -> ledger.setOnDuty(id, staffId, onDuty));
  }

  @PostMapping("/daily-health")
  @PreAuthorize(ApplicationApiController.APPLY)
  String report(@PathVariable String id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) Integer present, @RequestParam(required = false) Integer fever,
      @RequestParam(required = false) Integer absentSick, @RequestParam(required = false) Integer underQuarantine,
      @RequestParam(required = false) Integer visitors, @RequestParam(defaultValue = "false") boolean zero,
      RedirectAttributes redirect) {
    return forms.run(redirect, target(id), "resumption.page.healthFiled", () -> health.submit(id,
        new NewDailyHealth(date, present, fever, absentSick, underQuarantine, visitors, zero)));
  }

  private static String target(String id) {
    return "/organisations/" + id + "/staff";
  }
}
