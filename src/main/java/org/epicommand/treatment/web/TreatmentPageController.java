package org.epicommand.treatment.web;

import java.util.function.Supplier;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.platform.CityZonePage;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.treatment.AdmissionRequest;
import org.epicommand.treatment.Admissions;
import org.epicommand.treatment.BedCount;
import org.epicommand.treatment.BedType;
import org.epicommand.treatment.CapacityBoard;
import org.epicommand.treatment.EquipmentCount;
import org.epicommand.treatment.EquipmentType;
import org.epicommand.treatment.Hospital;
import org.epicommand.treatment.HospitalDetails;
import org.epicommand.treatment.HospitalKind;
import org.epicommand.treatment.HospitalStatus;
import org.epicommand.treatment.Hospitals;
import org.epicommand.treatment.StaffDeployments;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The treatment pages: the board ({@code /treatment}: hospitals with occupancy bars by bed type, the
 * busy ones flagged), a hospital's page (beds, status moves, the open stays with discharge and death,
 * and the admission form a hospital operator uses on a phone), and the form for a new hospital.
 */
@Controller
@RequestMapping("/treatment")
@PreAuthorize("hasAuthority('TREATMENT_READ')")
class TreatmentPageController implements CityZonePage {

  /** The hospital form as typed, echoed back with its errors. */
  record HospitalForm(String code, String name, String kind, String jurisdictionCode, String status,
      String activationLeadHours, String address, String phone) {

    HospitalDetails details() {
      Integer lead = null;
      if (activationLeadHours != null && !activationLeadHours.isBlank()) {
        try {
          lead = Integer.valueOf(activationLeadHours.strip());
        } catch (NumberFormatException e) {
          throw new ValidationFailure(FieldProblem.of("activationLeadHours", "treatment.hospital.leadHours"));
        }
      }
      return new HospitalDetails(code, name, parse(HospitalKind.class, kind), jurisdictionCode,
          parse(HospitalStatus.class, status), lead, address, phone);
    }

    static HospitalForm empty() {
      return new HospitalForm("", "", "DESIGNATED", "", "ACTIVE", "48", "", "");
    }
  }

  private final Hospitals hospitals;
  private final Admissions admissions;
  private final CapacityBoard board;
  private final StaffDeployments deployments;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final java.time.Clock clock;

  TreatmentPageController(Hospitals hospitals, Admissions admissions, CapacityBoard board,
      StaffDeployments deployments, CurrentUser currentUser, FormMessages forms, java.time.Clock clock) {
    this.deployments = deployments;
    this.clock = clock;
    this.hospitals = hospitals;
    this.admissions = admissions;
    this.board = board;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  /** The city's zone, for times on the pages. */
  @GetMapping
  String board(@RequestParam(required = false) String jurisdiction, Model model) {
    java.util.List<Hospital> all = hospitals.all(jurisdiction);
    model.addAttribute("hospitals", all);
    model.addAttribute("staffOnSite", deployments.deployed(all.stream().map(Hospital::code).toList()));
    model.addAttribute("totals", board.totals(jurisdiction));
    // the gap of the caller's whole area, for those who see all its hospitals (not an operator of one)
    model.addAttribute("gap", currentUser.get().has(Permission.TREATMENT_ADMIN) ? board.summary() : null);
    model.addAttribute("bedTypes", BedType.values());
    return common(model, "treatment/board");
  }

  @GetMapping("/hospitals/new")
  @PreAuthorize(HospitalApiController.ADMIN)
  String newHospital(Model model) {
    model.addAttribute("form", HospitalForm.empty());
    return common(model, "treatment/new-hospital");
  }

  @PostMapping("/hospitals")
  @PreAuthorize(HospitalApiController.ADMIN)
  String create(HospitalForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).conflictOn("code");
    return refusals.view(() -> {
      String code = hospitals.create(form.details()).code();
      redirect.addFlashAttribute("notice", forms.text("treatment.hospital.created"));
      return "redirect:/treatment/hospitals/" + code;
    }, () -> {
      model.addAttribute("form", form);
      return common(model, "treatment/new-hospital");
    });
  }

  @GetMapping("/hospitals/{code}")
  String hospital(@PathVariable String code, Model model) {
    Hospital hospital = hospitals.get(code);
    model.addAttribute("h", hospital);
    model.addAttribute("stays", admissions.list(hospital.code(), true, Paging.of(0, 200)).items());
    model.addAttribute("bedTypes", BedType.values());
    model.addAttribute("equipmentTypes", EquipmentType.values());
    return common(model, "treatment/hospital");
  }

  @PostMapping("/hospitals/{code}/beds")
  @PreAuthorize("hasAnyAuthority('ADMISSION_WRITE', 'TREATMENT_ADMIN')")
  String beds(@PathVariable String code, @RequestParam String type, @RequestParam(required = false) String total,
      @RequestParam(required = false) String outOfService, RedirectAttributes redirect) {
    return act(code, redirect, "treatment.beds.saved", () -> hospitals.setBeds(code, parse(BedType.class, type),
        new BedCount(number(total), outOfService == null || outOfService.isBlank() ? 0 : number(outOfService))));
  }

  @PostMapping("/hospitals/{code}/equipment")
  @PreAuthorize("hasAnyAuthority('ADMISSION_WRITE', 'TREATMENT_ADMIN')")
  String equipment(@PathVariable String code, @RequestParam String type, @RequestParam(required = false) String total,
      @RequestParam(required = false) String inUse, RedirectAttributes redirect) {
    return act(code, redirect, "treatment.equipment.saved", () -> hospitals.setEquipment(code,
        parse(EquipmentType.class, type), new EquipmentCount(number(total),
            inUse == null || inUse.isBlank() ? 0 : number(inUse))));
  }

  @PostMapping("/hospitals/{code}/activate")
  @PreAuthorize(HospitalApiController.ADMIN)
  String activate(@PathVariable String code, RedirectAttributes redirect) {
    return act(code, redirect, "treatment.hospital.statusChanged", () -> hospitals.activate(code));
  }

  @PostMapping("/hospitals/{code}/stand-down")
  @PreAuthorize(HospitalApiController.ADMIN)
  String standDown(@PathVariable String code, RedirectAttributes redirect) {
    return act(code, redirect, "treatment.hospital.statusChanged", () -> hospitals.standDown(code));
  }

  @PostMapping("/hospitals/{code}/standby")
  @PreAuthorize(HospitalApiController.ADMIN)
  String standBy(@PathVariable String code, RedirectAttributes redirect) {
    return act(code, redirect, "treatment.hospital.statusChanged", () -> hospitals.standBy(code));
  }

  @PostMapping("/hospitals/{code}/admit")
  @PreAuthorize(AdmissionApiController.WRITE)
  String admit(@PathVariable String code, @RequestParam(required = false) String caseId,
      @RequestParam(required = false) String bedType, @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(code, redirect, "treatment.admission.admitted",
        () -> admissions.admit(new AdmissionRequest(caseId, code, parse(BedType.class, bedType), reason)));
  }

  @PostMapping("/admissions/{id}/{step:discharge|death}")
  @PreAuthorize(AdmissionApiController.WRITE)
  String leave(@PathVariable String id, @PathVariable String step, RedirectAttributes redirect) {
    String code = admissions.get(id).hospitalCode();
    return act(code, redirect, "treatment.admission." + step,
        () -> "death".equals(step) ? admissions.death(id) : admissions.discharge(id));
  }

  /** Runs a change: a notice on success; a 400 or 409 said on the hospital's page. */
  private String act(String code, RedirectAttributes redirect, String notice, Supplier<?> change) {
    return forms.flash(redirect).notice(notice).sentence("problem", " ")
        .conflictText(e -> e.args().length > 0 ? forms.text("error." + e.code(), e.args())
            : forms.text("error." + e.code(), e.currentState() == null ? ""
                : forms.text("treatment.status." + e.currentState())))
        .redirect("/treatment/hospitals/" + code, change::get);
  }

  private String common(Model model, String view) {
    UserContext user = currentUser.get();
    model.addAttribute("canManage", user.has(Permission.TREATMENT_ADMIN));
    model.addAttribute("canAdmit", user.has(Permission.ADMISSION_WRITE));
    model.addAttribute("kinds", HospitalKind.values());
    return view;
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Integer number(String value) {
    try {
      return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem treatmentNavigation() {
      return new NavigationItem(470, "/treatment", "nav.treatment", "TREATMENT_READ", NavigationGroup.TREATMENT);
    }
  }
}
