package org.epicommand.enterprise.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.enterprise.GateException;
import org.epicommand.enterprise.NewGate;
import org.epicommand.enterprise.ResumptionGates;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Sector;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
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
 * The gates page ({@code /enterprise/gates}): the command office's decisions on who may reopen when,
 * listed for every reader of applications, set and lifted by the command office.
 */
@Controller
@RequestMapping("/enterprise/gates")
@PreAuthorize(ApplicationApiController.READ)
class GatePageController {

  private final ResumptionGates gates;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  GatePageController(ResumptionGates gates, CurrentUser currentUser, FormMessages forms) {
    this.gates = gates;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  String list(@RequestParam(required = false) Boolean retired, Model model) {
    model.addAttribute("gates", gates.list(Boolean.TRUE.equals(retired)));
    model.addAttribute("retired", Boolean.TRUE.equals(retired));
    model.addAttribute("canDecide", currentUser.get().has(Permission.RESUMPTION_DECIDE));
    model.addAttribute("kinds", OrganisationKind.values());
    model.addAttribute("sectors", Sector.values());
    model.addAttribute("exceptionKinds", GateException.values());
    return "enterprise/gates";
  }

  @PostMapping
  @PreAuthorize(ApplicationApiController.DECIDE)
  String create(@RequestParam(required = false) String name, @RequestParam(required = false) OrganisationKind kind,
      @RequestParam(required = false) Sector sector, @RequestParam(required = false) String jurisdictionCode,
      @RequestParam(required = false) String cohort,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate notBefore,
      @RequestParam(required = false) List<GateException> exceptions,
      @RequestParam(required = false) String exceptionOrganisations, @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    List<String> listed = exceptionOrganisations == null ? List.of()
        : Arrays.stream(exceptionOrganisations.split("[\\s,，、]+")).filter(s -> !s.isBlank()).toList();
    return forms.run(redirect, "/enterprise/gates", "resumption.gates.created", () -> gates.create(new NewGate(name,
        kind, sector, jurisdictionCode, cohort == null || cohort.isBlank() ? null : cohort.strip(), notBefore,
        exceptions == null ? List.of() : exceptions, listed, note)));
  }

  @PostMapping("/{id}/retire")
  @PreAuthorize(ApplicationApiController.DECIDE)
  String retire(@PathVariable UUID id, RedirectAttributes redirect) {
    return forms.run(redirect, "/enterprise/gates", "resumption.gates.lifted", () -> gates.retire(id));
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem resumptionGatesNavigation() {
      return new NavigationItem(668, "/enterprise/gates", "nav.resumptionGates", "RESUMPTION_READ",
          NavigationGroup.ENTERPRISE);
    }
  }
}
