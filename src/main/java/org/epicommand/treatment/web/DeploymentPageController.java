package org.epicommand.treatment.web;

import java.time.LocalDate;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.platform.CityZonePage;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.TypedDay;
import org.epicommand.treatment.DeployedWorker;
import org.epicommand.treatment.HospitalStatus;
import org.epicommand.treatment.Hospitals;
import org.epicommand.treatment.StaffDeployment;
import org.epicommand.treatment.StaffDeployments;
import org.epicommand.treatment.StaffKind;
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
 * Medical staff deployments ({@code /treatment/deployments}): open ones first with the moves the medical
 * group may make, and the form that plans one; one deployment's page names its workers up to its headcount
 * (phone-sized pages).
 */
@Controller
@RequestMapping("/treatment/deployments")
@PreAuthorize(HospitalApiController.READ)
class DeploymentPageController implements CityZonePage {

  private final StaffDeployments deployments;
  private final Hospitals hospitals;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  DeploymentPageController(StaffDeployments deployments, Hospitals hospitals, CurrentUser currentUser,
      FormMessages forms) {
    this.deployments = deployments;
    this.hospitals = hospitals;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("items", deployments.list(null, null, Paging.of(0, 200)).items());
    model.addAttribute("hospitals", hospitals.all(null).stream().filter(h -> h.status() != HospitalStatus.STOOD_DOWN)
        .toList());
    model.addAttribute("kinds", StaffKind.values());
    model.addAttribute("canManage", currentUser.get().has(Permission.TREATMENT_ADMIN));
    return "treatment/deployments";
  }

  @PostMapping
  @PreAuthorize(HospitalApiController.ADMIN)
  String plan(@RequestParam(required = false) String staffKind, @RequestParam(required = false) String headcount,
      @RequestParam(required = false) String sourceHospitalCode, @RequestParam(required = false) String sourceTeam,
      @RequestParam(required = false) String targetHospitalCode, @RequestParam(required = false) String startsOn,
      @RequestParam(required = false) String endsOn, @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return act(redirect, "treatment.deployment.planned", () -> deployments.plan(new StaffDeployment.New(
        TreatmentPageController.parse(StaffKind.class, staffKind), count(headcount), sourceHospitalCode, sourceTeam,
        targetHospitalCode, date(startsOn, "startsOn"), date(endsOn, "endsOn"), note)));
  }

  @PostMapping("/{id}/{step}")
  @PreAuthorize(HospitalApiController.ADMIN)
  String move(@PathVariable String id, @PathVariable String step, RedirectAttributes redirect) {
    return act(redirect, "treatment.deployment.moved", () -> {
      switch (step) {
        case "deploy" -> deployments.deploy(id);
        case "recall" -> deployments.recall(id);
        case "cancel" -> deployments.cancel(id);
        default -> throw new RecordNotFound(StaffDeployments.SUBJECT);
      }
    });
  }

  /** One deployment with its named workers ("named 3 of 5"), the person picker that names one and the ends. */
  @GetMapping("/{id}")
  String deployment(@PathVariable String id, Model model) {
    StaffDeployment d = deployments.get(id);
    java.util.List<DeployedWorker> workers = deployments.workers(id);
    model.addAttribute("d", d);
    model.addAttribute("workers", workers);
    model.addAttribute("named", workers.stream().filter(DeployedWorker::open).count());
    model.addAttribute("kinds", StaffKind.values());
    model.addAttribute("canManage", currentUser.get().has(Permission.TREATMENT_ADMIN));
    return "treatment/deployment";
  }

  @PostMapping("/{id}/workers")
  @PreAuthorize(HospitalApiController.ADMIN)
  String name(@PathVariable String id, @RequestParam(required = false) String personId,
      @RequestParam(required = false) String role, RedirectAttributes redirect) {
    return act(redirect, "tr.workers.named.notice", "/treatment/deployments/" + id,
        () -> deployments.name(id, new DeployedWorker.New(personId, role)));
  }

  @PostMapping("/{id}/workers/{personId}/end")
  @PreAuthorize(HospitalApiController.ADMIN)
  String end(@PathVariable String id, @PathVariable String personId, RedirectAttributes redirect) {
    return act(redirect, "tr.workers.ended.notice", "/treatment/deployments/" + id,
        () -> deployments.end(id, personId));
  }

  private String act(RedirectAttributes redirect, String notice, Runnable change) {
    return act(redirect, notice, "/treatment/deployments", change);
  }

  private String act(RedirectAttributes redirect, String notice, String target, Runnable change) {
    return forms.flash(redirect).notice(notice).sentence("problem", " ")
        .conflictText(conflict -> "treatment.deployment.illegalMove".equals(conflict.code())
            ? forms.text("error." + conflict.code(),
                forms.text("treatment.deployment.status." + conflict.currentState()))
            : forms.stated(conflict))
        .redirect(target, change);
  }

  private static Integer count(String value) {
    try {
      return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static LocalDate date(String value, String field) {
    return TypedDay.parse(value, field, "treatment.deployment.date");
  }
}
