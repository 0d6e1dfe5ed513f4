package org.epicommand.vaccination.web;

import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.MasterRegistry;
import org.epicommand.vaccination.VaccinationSites;
import org.epicommand.vaccination.VaccinePlatform;
import org.epicommand.vaccination.VaccineProducts;
import org.epicommand.vaccination.Vaccinators;
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
 * The pages where owners keep vaccination sites ({@code /vaccination/sites}), vaccinators ({@code
 * /vaccination/vaccinators}) and vaccine products ({@code /vaccination/products}): the list with filters,
 * a form to create one, a record's page with its correction form and the retire / back-in-service button.
 * Everyone who works with vaccination reads; {@code VACCINATION_ADMIN} changes.
 */
@Controller
@RequestMapping("/vaccination/{kind:sites|vaccinators|products}")
@PreAuthorize(MasterDataApiController.READ)
class MasterPageController {

  private final VaccinationSites sites;
  private final Vaccinators vaccinators;
  private final VaccineProducts products;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  MasterPageController(VaccinationSites sites, Vaccinators vaccinators, VaccineProducts products,
      CurrentUser currentUser, FormMessages forms) {
    this.sites = sites;
    this.vaccinators = vaccinators;
    this.products = products;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  String list(@PathVariable String kind, @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String status, @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page, Model model) {
    Boolean active = "RETIRED".equals(status) ? Boolean.FALSE : "ALL".equals(status) ? null : Boolean.TRUE;
    Paging paging = Paging.of(page == null ? null : Math.max(page, 0), 30);
    PageResult<?> found = switch (kind) {
      case "sites" -> sites.list(jurisdiction, active, q, paging);
      case "vaccinators" -> vaccinators.list(jurisdiction, null, active, q, paging);
      default -> products.list(active, q, paging);
    };
    FormMessages.pager(model, found);
    model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction.strip());
    model.addAttribute("status", active == null ? "ALL" : active ? "ACTIVE" : "RETIRED");
    model.addAttribute("q", q == null ? "" : q.strip());
    return common(kind, model, "vaccination/masters");
  }

  @GetMapping("/new")
  @PreAuthorize(MasterDataApiController.ADMIN)
  String newForm(@PathVariable String kind, Model model) {
    model.addAttribute("form", MasterForm.empty());
    return common(kind, model, "vaccination/master");
  }

  @PostMapping
  @PreAuthorize(MasterDataApiController.ADMIN)
  String create(@PathVariable String kind, MasterForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).conflictOn("code", forms::stated)
        .onConflict(e -> model.addAttribute("existing", e.existingId()));
    return refusals.view(() -> {
      Object created = switch (kind) {
        case "sites" -> sites.create(form.site());
        case "vaccinators" -> vaccinators.create(form.vaccinator());
        default -> products.create(form.product());
      };
      redirect.addFlashAttribute("notice", forms.text("vaccination.master.created"));
      return "redirect:/vaccination/" + kind + "/" + form.code().strip();
    }, () -> {
      model.addAttribute("form", form);
      return common(kind, model, "vaccination/master");
    });
  }

  @GetMapping("/{code}")
  String record(@PathVariable String kind, @PathVariable String code, Model model) {
    Object record = registry(kind).get(code);
    model.addAttribute("record", record);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", switch (kind) {
        case "sites" -> MasterForm.of((org.epicommand.vaccination.VaccinationSite) record);
        case "vaccinators" -> MasterForm.of((org.epicommand.vaccination.Vaccinator) record);
        default -> MasterForm.of((org.epicommand.vaccination.VaccineProduct) record);
      });
    }
    return common(kind, model, "vaccination/master");
  }

  @PostMapping("/{code}")
  @PreAuthorize(MasterDataApiController.ADMIN)
  String update(@PathVariable String kind, @PathVariable String code, MasterForm form, Model model,
      RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).conflictOn("username", forms::stated);
    return refusals.view(() -> {
      switch (kind) {
        case "sites" -> sites.update(code, form.site());
        case "vaccinators" -> vaccinators.update(code, form.vaccinator());
        default -> products.update(code, form.product());
      }
      redirect.addFlashAttribute("notice", forms.text("vaccination.master.saved"));
      return "redirect:/vaccination/" + kind + "/" + code;
    }, () -> {
      model.addAttribute("form", form);
      return record(kind, code, model);
    });
  }

  @PostMapping("/{code}/retire")
  @PreAuthorize(MasterDataApiController.ADMIN)
  String retire(@PathVariable String kind, @PathVariable String code, RedirectAttributes redirect) {
    return step(kind, code, redirect, true);
  }

  @PostMapping("/{code}/reactivate")
  @PreAuthorize(MasterDataApiController.ADMIN)
  String reactivate(@PathVariable String kind, @PathVariable String code, RedirectAttributes redirect) {
    return step(kind, code, redirect, false);
  }

  /** Retires or takes back into service: a notice on success, the 409 said on the record's page. */
  private String step(String kind, String code, RedirectAttributes redirect, boolean retire) {
    try {
      if (retire) {
        registry(kind).retire(code);
      } else {
        registry(kind).reactivate(code);
      }
      redirect.addFlashAttribute("notice", forms.text(retire ? "vaccination.master.retired"
          : "vaccination.master.reactivated"));
    } catch (Conflict e) {
      redirect.addFlashAttribute("problem", forms.text("error." + e.code(), e.currentState()));
    }
    return "redirect:/vaccination/" + kind + "/" + code;
  }

  private MasterRegistry<?, ?> registry(String kind) {
    return switch (kind) {
      case "sites" -> sites;
      case "vaccinators" -> vaccinators;
      default -> products;
    };
  }

  private String common(String kind, Model model, String view) {
    model.addAttribute("kind", kind);
    model.addAttribute("canManage", currentUser.get().has(Permission.VACCINATION_ADMIN));
    model.addAttribute("platforms", VaccinePlatform.values());
    if ("vaccinators".equals(kind)) {
      model.addAttribute("siteChoices", sites.active());
    }
    return view;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem vaccinationMasterNavigation() {
      return new NavigationItem(445, "/vaccination/sites", "nav.vaccination.masters", "VACCINATION_ADMIN",
          NavigationGroup.VACCINATION);
    }
  }
}
