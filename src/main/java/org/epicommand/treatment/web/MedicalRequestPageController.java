package org.epicommand.treatment.web;

import java.time.Clock;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import java.util.UUID;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.platform.CityZonePage;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.treatment.HospitalStatus;
import org.epicommand.treatment.Hospitals;
import org.epicommand.treatment.MedicalRequest;
import org.epicommand.treatment.MedicalRequestStatus;
import org.epicommand.treatment.MedicalRequests;
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
 * The medical-request desk ({@code /treatment/requests}): the open requests of the caller's
 * jurisdiction, refreshed every 5 seconds, overdue ones marked; a form to file one; the medical group's
 * buttons to move them on.
 */
@Controller
@RequestMapping("/treatment/requests")
@PreAuthorize(MedicalRequestApiController.READ)
class MedicalRequestPageController implements CityZonePage {

  private final MedicalRequests requests;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;
  private final PersonRegistry persons;
  private final Hospitals hospitals;

  MedicalRequestPageController(MedicalRequests requests, CurrentUser currentUser, FormMessages forms, Clock clock,
      PersonRegistry persons, Hospitals hospitals) {
    this.persons = persons;
    this.hospitals = hospitals;
    this.requests = requests;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  /** The desk; from a quarantine order's page the person is chosen already and the order is the context. */
  @GetMapping
  String desk(@RequestParam(required = false) String personId, @RequestParam(required = false) String order,
      Model model) {
    fill(model);
    model.addAttribute("chosen", chosen(personId));
    model.addAttribute("personId", model.getAttribute("chosen") == null ? "" : personId);
    model.addAttribute("context", order == null || order.isBlank() ? "" : forms.text("tr.requests.orderContext",
        order.strip()));
    model.addAttribute("needs", MedicalRequest.Need.values());
    model.addAttribute("urgencies", MedicalRequest.Urgency.values());
    model.addAttribute("channels", MedicalRequest.Channel.values());
    model.addAttribute("canFile", currentUser.get().has(Permission.QUARANTINE_WRITE)
        || currentUser.get().has(Permission.TREATMENT_ADMIN));
    return "treatment/requests";
  }

  private PersonSummary chosen(String personId) {
    try {
      return personId == null || personId.isBlank() ? null : persons.summary(UUID.fromString(personId)).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @GetMapping("/table")
  String table(Model model) {
    fill(model);
    return "treatment/requests :: table";
  }

  private void fill(Model model) {
    model.addAttribute("items", requests.list(true, Paging.of(0, 200)).items());
    boolean canMove = currentUser.get().has(Permission.TREATMENT_ADMIN);
    model.addAttribute("canMove", canMove);
    // the hospitals a dispatch may name: those admitting now
    model.addAttribute("dispatchHospitals", canMove ? hospitals.all(null).stream()
        .filter(h -> h.status() == HospitalStatus.ACTIVE).toList() : java.util.List.of());
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'TREATMENT_ADMIN')")
  String file(@RequestParam(required = false) String personId, @RequestParam(required = false) String need,
      @RequestParam(required = false) String urgency, @RequestParam(required = false) String channel,
      @RequestParam(required = false) String phone, @RequestParam(required = false) String context,
      RedirectAttributes redirect) {
    return act(redirect, "treatment.request.filed", () -> requests.file(new MedicalRequest.New(personId,
        TreatmentPageController.parse(MedicalRequest.Need.class, need),
        TreatmentPageController.parse(MedicalRequest.Urgency.class, urgency),
        TreatmentPageController.parse(MedicalRequest.Channel.class, channel), phone, context)));
  }

  @PostMapping("/{id}/{step}")
  @PreAuthorize(HospitalApiController.ADMIN)
  String move(@PathVariable String id, @PathVariable String step, @RequestParam(required = false) String vehicle,
      @RequestParam(required = false) String hospitalCode, RedirectAttributes redirect) {
    MedicalRequestStatus target = TreatmentPageController.parse(MedicalRequestStatus.class, step);
    if (target == null) {
      throw new RecordNotFound(MedicalRequests.SUBJECT);
    }
    return act(redirect, "treatment.request.moved",
        () -> requests.move(id, target, new MedicalRequest.Step(hospitalCode, vehicle, null)));
  }

  private String act(RedirectAttributes redirect, String notice, Runnable change) {
    return forms.flash(redirect).notice(notice).sentence("problem", " ")
        .conflictText(conflict -> forms.text("error." + conflict.code(),
            forms.text("treatment.request.status." + conflict.currentState())))
        .redirect("/treatment/requests", change);
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem medicalRequestsNavigation() {
      return new NavigationItem(473, "/treatment/requests", "nav.treatment.requests", "QUARANTINE_READ",
          NavigationGroup.TREATMENT);
    }
  }
}
