package org.epicommand.treatment.web;

import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.person.SpecialNeed;
import org.epicommand.person.SpecialNeeds;
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
 * The special-needs ledger page ({@code /treatment/special-needs}): the vulnerable people of a division,
 * a form with the person picker to add one, and removal.
 */
@Controller
@RequestMapping("/treatment/special-needs")
@PreAuthorize(MedicalRequestApiController.READ)
class SpecialNeedsPageController {

  private final SpecialNeeds ledger;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  SpecialNeedsPageController(SpecialNeeds ledger, CurrentUser currentUser, FormMessages forms) {
    this.ledger = ledger;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  String list(@RequestParam(required = false) String jurisdiction, Model model) {
    model.addAttribute("items", ledger.list(jurisdiction, null, false));
    model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction);
    model.addAttribute("needs", SpecialNeed.Need.values());
    model.addAttribute("canKeep", currentUser.get().has(Permission.QUARANTINE_WRITE)
        || currentUser.get().has(Permission.TREATMENT_ADMIN));
    return "treatment/special-needs";
  }

  @PostMapping
  @PreAuthorize(SpecialNeedsApiController.WRITE)
  String register(@RequestParam(required = false) String personId, @RequestParam(required = false) String need,
      @RequestParam(required = false) String dueDate, @RequestParam(required = false) String careProvider,
      @RequestParam(required = false) String phone, @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return act(redirect, "treatment.needs.saved", () -> ledger.register(new SpecialNeed.New(personId, need, dueDate,
        careProvider, phone, note)));
  }

  @PostMapping("/{id}/remove")
  @PreAuthorize(SpecialNeedsApiController.WRITE)
  String remove(@PathVariable String id, RedirectAttributes redirect) {
    return act(redirect, "treatment.needs.removedNotice", () -> ledger.remove(id));
  }

  private String act(RedirectAttributes redirect, String notice, Runnable change) {
    return forms.flash(redirect).notice(notice).sentence("problem", " ")
        .conflictText(conflict -> forms.text("error." + conflict.code()))
        .redirect("/treatment/special-needs", change);
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem specialNeedsNavigation() {
      return new NavigationItem(474, "/treatment/special-needs", "nav.treatment.specialNeeds", "QUARANTINE_READ",
          NavigationGroup.TREATMENT);
    }
  }
}
