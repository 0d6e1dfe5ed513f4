package org.epicommand.enterprise.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.checklist.ChecklistTemplates;
import org.epicommand.checklist.Outcome;
import org.epicommand.enterprise.ApplicationKind;
import org.epicommand.enterprise.ApplicationMaterial;
import org.epicommand.enterprise.ApplicationState;
import org.epicommand.enterprise.ApplicationSteps;
import org.epicommand.enterprise.DocumentKind;
import org.epicommand.enterprise.GateException;
import org.epicommand.enterprise.NewApplication;
import org.epicommand.enterprise.ResumptionApplication;
import org.epicommand.enterprise.ResumptionApplications;
import org.epicommand.enterprise.SignOff;
import org.epicommand.platform.CityZonePage;
import org.epicommand.organisation.Organisations;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
 * The resumption workflow's pages ({@code /enterprise/applications}): the list, and an application's
 * page on a phone — the contact fills the supplies, attaches the documents, self-checks, collects the
 * signatures and submits; the sector reviews the material; 属地 check each item on site with photos;
 * the commander approves (what is still missing is shown, and said again when refused), suspends and
 * orders re-inspection. Each move is offered only to whom it belongs and only in its state.
 */
@Controller
@RequestMapping("/enterprise/applications")
@PreAuthorize(ApplicationApiController.READ)
class ApplicationPageController implements CityZonePage {

  /** The authority each move needs (any of them). */
  private static final Map<String, List<Permission>> MOVES = Map.of(
      "submit", List.of(Permission.RESUMPTION_APPLY),
      "reopen", List.of(Permission.RESUMPTION_APPLY),
      "start-review", List.of(Permission.RESUMPTION_REVIEW),
      "request-inspection", List.of(Permission.RESUMPTION_REVIEW),
      "reject", List.of(Permission.RESUMPTION_REVIEW, Permission.RESUMPTION_DECIDE),
      "approve", List.of(Permission.RESUMPTION_DECIDE),
      "suspend", List.of(Permission.RESUMPTION_DECIDE),
      "resume", List.of(Permission.RESUMPTION_DECIDE));

  private final ResumptionApplications applications;
  private final ApplicationSteps steps;
  private final ApplicationMaterial material;
  private final ChecklistTemplates templates;
  private final Organisations organisations;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  ApplicationPageController(ResumptionApplications applications, ApplicationSteps steps, ApplicationMaterial material,
      ChecklistTemplates templates, Organisations organisations, CurrentUser currentUser, FormMessages forms,
      Clock clock) {
    this.applications = applications;
    this.steps = steps;
    this.material = material;
    this.templates = templates;
    this.organisations = organisations;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String list(@RequestParam(required = false) ApplicationState state,
      @RequestParam(required = false) String organisation, @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, applications.list(new ResumptionApplications.Filter(state, organisation, null, overdue),
        Paging.of(page == null ? null : Math.max(page, 0), 30)));
    model.addAttribute("state", state);
    model.addAttribute("states", ApplicationState.values());
    model.addAttribute("organisation", organisation == null ? "" : organisation);
    model.addAttribute("overdue", overdue);
    return "enterprise/applications";
  }

  @PostMapping
  @PreAuthorize(ApplicationApiController.APPLY)
  String create(@RequestParam(required = false) String organisationId,
      @RequestParam(required = false) ApplicationKind kind, @RequestParam(required = false) String cohort,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedDate,
      @RequestParam(required = false) GateException exception, @RequestParam(required = false) String masks,
      @RequestParam(required = false) String thermometers, @RequestParam(required = false) String disinfectantLitres,
      @RequestParam(defaultValue = "false") boolean isolationRoom, RedirectAttributes redirect) {
    String[] created = new String[1];
    String back = forms.run(redirect, "/organisations/" + organisationId + "/staff", "resumption.page.created",
        () -> created[0] = applications.create(new NewApplication(organisationId, kind, blankless(cohort), plannedDate,
            exception, null, SuppliesForm.parse(masks, thermometers, disinfectantLitres, isolationRoom))).id());
    return created[0] == null ? back : "redirect:" + path(created[0]);
  }

  /**
   * Corrects a draft on its page: the cohort, the planned day, the exception claimed and the supplies (the
   * organisation, kind and template stay); refusals are said next to their fields, 409 unless DRAFT.
   */
  @PostMapping("/{id}")
  @PreAuthorize(ApplicationApiController.APPLY)
  String edit(@PathVariable UUID id, @RequestParam(required = false) String cohort,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedDate,
      @RequestParam(required = false) GateException exception, @RequestParam(required = false) String masks,
      @RequestParam(required = false) String thermometers, @RequestParam(required = false) String disinfectantLitres,
      @RequestParam(defaultValue = "false") boolean isolationRoom, RedirectAttributes redirect) {
    ResumptionApplication application = applications.get(id);
    redirect.addFlashAttribute("editing", true);
    return forms.run(redirect, path(id.toString()), "resumption.page.draftSaved",
        () -> applications.update(id, new NewApplication(null, application.kind(), blankless(cohort), plannedDate,
            exception, application.templateCode(),
            SuppliesForm.parse(masks, thermometers, disinfectantLitres, isolationRoom))));
  }

  @GetMapping("/{id}")
  String detail(@PathVariable UUID id, Model model) {
    ResumptionApplication application = applications.get(id);
    UserContext user = currentUser.get();
    model.addAttribute("app", application);
    model.addAttribute("template", templates.get(UUID.fromString(application.templateId())));
    model.addAttribute("missing", steps.requirements(id).stream().map(this::say).toList());
    model.addAttribute("signedBy", application.signOffs().stream()
        .collect(java.util.stream.Collectors.toMap(SignOff::position, s -> s, (a, b) -> a)));
    model.addAttribute("documentKinds", DocumentKind.values());
    model.addAttribute("outcomes", Outcome.values());
    model.addAttribute("canApply", user.has(Permission.RESUMPTION_APPLY));
    model.addAttribute("canReview", user.has(Permission.RESUMPTION_REVIEW));
    model.addAttribute("canInspect", user.has(Permission.RESUMPTION_INSPECT));
    model.addAttribute("canDecide", user.has(Permission.RESUMPTION_DECIDE));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("exceptions", GateException.values());
    model.addAttribute("cohorts", application.kind() == ApplicationKind.REOPEN_SCHOOL_COHORT
        ? organisations.get(application.organisationId()).cohorts() : List.of());
    return "enterprise/application";
  }

  @PostMapping("/{id}/{move:submit|reopen|start-review|request-inspection|reject|approve|suspend|resume}")
  String move(@PathVariable UUID id, @PathVariable String move, @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    UserContext user = currentUser.get();
    if (MOVES.get(move).stream().noneMatch(user::has)) {
      throw new AccessDeniedException(move);
    }
    return forms.run(redirect, path(id.toString()), "resumption.page.moved." + move, () -> {
      switch (move) {
        case "submit" -> steps.submit(id);
        case "reopen" -> steps.reopen(id);
        case "start-review" -> steps.startReview(id);
        case "request-inspection" -> steps.requestInspection(id, reason);
        case "reject" -> steps.reject(id, reason);
        case "approve" -> steps.approve(id, reason);
        case "suspend" -> steps.suspend(id, reason);
        default -> steps.resume(id, reason);
      }
    });
  }

  /** Records a checklist item, with a photo when one is given (self-check in a draft, on site in inspection). */
  @PostMapping("/{id}/checklist/{itemCode}")
  @PreAuthorize("hasAnyAuthority('RESUMPTION_APPLY', 'RESUMPTION_INSPECT')")
  String record(@PathVariable UUID id, @PathVariable String itemCode, @RequestParam(required = false) Outcome outcome,
      @RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean raiseProblem,
      @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
    return forms.run(redirect, path(id.toString()) + "#item-" + itemCode, "resumption.page.itemRecorded", () -> {
      material.record(id, itemCode, outcome, note, raiseProblem);
      if (file != null && !file.isEmpty()) {
        try (InputStream content = file.getInputStream()) {
          material.addPhoto(id, itemCode, content);
        } catch (IOException e) {
          throw new ValidationFailure(FieldProblem.of("file", "checklist.noFile"));
        }
      }
    });
  }

  @GetMapping("/{id}/photos/{photoId}")
  ResponseEntity<Resource> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
    return ApplicationApiController.file(material.photo(id, photoId), true);
  }

  @PostMapping("/{id}/sign-offs")
  @PreAuthorize("hasAnyAuthority('RESUMPTION_APPLY', 'RESUMPTION_REVIEW', 'RESUMPTION_DECIDE')")
  String signOff(@PathVariable UUID id, @RequestParam(required = false) String position,
      @RequestParam(required = false) String name, RedirectAttributes redirect) {
    return forms.run(redirect, path(id.toString()), "resumption.page.signed",
        () -> material.signOff(id, List.of(new ApplicationMaterial.SignOffRequest(position, name))));
  }

  @PostMapping("/{id}/documents")
  @PreAuthorize(ApplicationApiController.APPLY)
  String document(@PathVariable UUID id, @RequestParam(required = false) DocumentKind kind,
      @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
    return forms.run(redirect, path(id.toString()), "resumption.page.documentAdded", () -> {
      if (file == null || file.isEmpty()) {
        throw new ValidationFailure(FieldProblem.of("file", "resumption.noFile"));
      }
      try (InputStream content = file.getInputStream()) {
        material.addDocument(id, kind, file.getOriginalFilename(), content);
      } catch (IOException e) {
        throw new ValidationFailure(FieldProblem.of("file", "resumption.noFile"));
      }
    });
  }

  @GetMapping("/{id}/documents/{documentId}")
  ResponseEntity<Resource> document(@PathVariable UUID id, @PathVariable UUID documentId) {
    return ApplicationApiController.file(material.document(id, documentId), false);
  }

  private String say(FieldProblem problem) {
    return forms.text("error." + problem.code(), problem.args().toArray());
  }

  private static String blankless(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String path(String id) {
    return "/enterprise/applications/" + id;
  }
}
