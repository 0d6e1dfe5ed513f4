package org.epicommand.supervision.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.epicommand.platform.CityZonePage;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.TypedDay;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supervision.InspectionPlan;
import org.epicommand.supervision.InspectionPlanning;
import org.epicommand.supervision.NewFinding;
import org.epicommand.supervision.NewPlan;
import org.epicommand.supervision.PhotoKind;
import org.epicommand.supervision.Problem;
import org.epicommand.supervision.ProblemCategory;
import org.epicommand.supervision.ProblemRectification;
import org.epicommand.supervision.Severity;
import org.epicommand.supervision.Visit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inspector pages: plans (create, list, detail) and a visit on a phone — start it, record findings
 * with a photo taken on the spot, complete it. Units see the visits that have happened to them.
 */
@Controller
@RequestMapping("/supervision")
class InspectionPageController implements CityZonePage {

  /** The plan form as typed: team and targets separated by commas or spaces. */
  record PlanForm(String date, String theme, String team, String targets, String startTime, String teamName,
      String districtCode) {}

  /** The finding form as typed. */
  record FindingForm(ProblemCategory category, Severity severity, String description, String deadline) {}

  private final InspectionPlanning planning;
  private final ProblemRectification rectification;
  private final FormMessages forms;
  private final java.time.Clock clock;

  InspectionPageController(InspectionPlanning planning, ProblemRectification rectification, FormMessages forms,
      java.time.Clock clock) {
    this.planning = planning;
    this.rectification = rectification;
    this.forms = forms;
    this.clock = clock;
  }

  /** The city's zone, in which pages show times. */
  @GetMapping("/plans")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  String plans(@RequestParam(required = false) Integer page, @RequestParam(required = false) String day,
      @RequestParam(required = false) String district, Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new PlanForm("", "", "", "", "09:00", "", ""));
    }
    LocalDate onDay = null;
    try {
      onDay = date(day, "day");
    } catch (ValidationFailure e) {
      // an unreadable day filters nothing
    }
    model.addAttribute("day", onDay);
    model.addAttribute("district", district);
    model.addAttribute("districts", planning.districts());
    FormMessages.pager(model, planning.plans(null, onDay, district, Paging.of(page, 20)));
    return "supervision/plans";
  }

  @PostMapping("/plans")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  String createPlan(PlanForm form, Model model) {
    PageStep refusals = forms.model(model).conflictOn("date");
    return refusals.view(() -> {
      InspectionPlan plan = planning.createPlan(new NewPlan(date(form.date(), "date"), form.theme(),
          split(form.team()), split(form.targets()), time(form.startTime()), form.teamName(), form.districtCode()));
      return "redirect:/supervision/plans/" + plan.id();
    }, () -> {
      model.addAttribute("form", form);
      return plans(null, null, null, model);
    });
  }

  @GetMapping("/plans/{id}")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  String plan(@PathVariable UUID id, Model model) {
    model.addAttribute("plan", planning.plan(id));
    return "supervision/plan";
  }

  @GetMapping("/visits")
  @PreAuthorize("hasAuthority('SUPERVISION_READ')")
  String visits(@RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, planning.visits(null, Paging.of(page, 20)));
    return "supervision/visits";
  }

  @GetMapping("/visits/{id}")
  @PreAuthorize("hasAuthority('SUPERVISION_READ')")
  String visit(@PathVariable UUID id, Model model) {
    Visit visit = planning.visit(id);
    model.addAttribute("visit", visit);
    model.addAttribute("findings", rectification.list(null, null, null, id, Paging.of(0, 200)).items());
    model.addAttribute("categories", ProblemCategory.values());
    model.addAttribute("severities", Severity.values());
    if (!model.containsAttribute("finding")) {
      model.addAttribute("finding", new FindingForm(ProblemCategory.SCAN_AND_CHECK, Severity.MINOR, "", ""));
    }
    return "supervision/visit";
  }

  @PostMapping("/visits/{id}/start")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  String start(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      planning.start(id);
    } catch (Conflict e) {
      redirect.addFlashAttribute("failure", forms.text("error." + e.code(), e.currentState()));
    }
    return "redirect:/supervision/visits/" + id;
  }

  @PostMapping("/visits/{id}/complete")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  String complete(@PathVariable UUID id, @RequestParam(required = false) String summary,
      RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect).sentence("failure", " ").conflictAs("failure");
    return refusals.redirect("/supervision/visits/" + id, () -> {
      planning.complete(id, summary);
    });
  }

  /** Records the finding and, when one was taken, its photo; both or neither. */
  @PostMapping("/visits/{id}/findings")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  String finding(@PathVariable UUID id, FindingForm finding,
      @RequestParam(name = "photo", required = false) MultipartFile photo, Model model, RedirectAttributes redirect)
      throws IOException {
    try {
      Problem problem = rectification.recordFindingWithPhoto(id, new NewFinding(finding.category(),
          finding.severity(), finding.description(), null, date(finding.deadline(), "deadline")),
          ProblemPageController.upload(rectification, photo));
      redirect.addFlashAttribute("saved", true);
      return "redirect:/supervision/problems/" + problem.id();
    } catch (ValidationFailure e) {
      model.addAttribute("errors", forms.of(e));
    } catch (Conflict e) {
      model.addAttribute("failure", forms.text("error." + e.code(), e.currentState()));
    }
    model.addAttribute("finding", finding);
    return visit(id, model);
  }

  static List<String> split(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  static LocalDate date(String text, String field) {
    return TypedDay.parse(text, field, "invalidValue");
  }

  private static LocalTime time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new ValidationFailure(FieldProblem.of("startTime", "invalidValue"));
    }
  }

  static PhotoKind kind(String text) {
    return text == null || text.isBlank() ? null : PhotoKind.valueOf(text);
  }
}
