package org.epicommand.organisation.web;

import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.organisation.Organisation;
import org.epicommand.organisation.OrganisationContacts;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Organisations;
import org.epicommand.organisation.SchoolLevel;
import org.epicommand.organisation.Sector;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
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
 * The organisation directory's pages ({@code /organisations}): the list with filters, a form to
 * register one, an organisation's page with its correction form, retire / take back, and — for the
 * administrator — the contacts bound to it. Works on a phone.
 */
@Controller
@RequestMapping("/organisations")
@PreAuthorize(DirectoryApiController.READ)
class DirectoryPageController {

  private final Organisations organisations;
  private final OrganisationContacts contacts;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  DirectoryPageController(Organisations organisations, OrganisationContacts contacts, CurrentUser currentUser,
      FormMessages forms) {
    this.organisations = organisations;
    this.contacts = contacts;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  String list(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String sector, @RequestParam(required = false) String status,
      @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
    Boolean active = "RETIRED".equals(status) ? Boolean.FALSE : "ALL".equals(status) ? null : Boolean.TRUE;
    OrganisationKind k = OrganisationKind.parse(kind);
    Sector s = Sector.parse(sector);
    FormMessages.pager(model, organisations.list(new Organisations.Filter(jurisdiction, k, s, active, q),
        Paging.of(page == null ? null : Math.max(page, 0), 30)));
    model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction.strip());
    model.addAttribute("kind", k == null ? "" : k.name());
    model.addAttribute("sector", s == null ? "" : s.name());
    model.addAttribute("status", active == null ? "ALL" : active ? "ACTIVE" : "RETIRED");
    model.addAttribute("q", q == null ? "" : q.strip());
    return common(model, "organisation/list");
  }

  @GetMapping("/new")
  @PreAuthorize(DirectoryApiController.WRITE)
  String newForm(Model model) {
    model.addAttribute("form", OrganisationForm.empty(""));
    return common(model, "organisation/record");
  }

  @PostMapping
  @PreAuthorize(DirectoryApiController.WRITE)
  String create(OrganisationForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).conflictOn("creditCode")
        .onConflict(e -> model.addAttribute("existing", e.existingId()));
    return refusals.view(() -> {
      Organisation created = organisations.create(form.details());
      redirect.addFlashAttribute("notice", forms.text("organisation.created"));
      return "redirect:/organisations/" + created.id();
    }, () -> {
      model.addAttribute("form", form);
      return common(model, "organisation/record");
    });
  }

  @GetMapping("/{id}")
  String record(@PathVariable String id, Model model) {
    Organisation organisation = organisations.get(id);
    model.addAttribute("record", organisation);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", OrganisationForm.of(organisation));
    }
    if (currentUser.get().has(Permission.USER_ADMIN)) {
      model.addAttribute("contacts", contacts.staff(organisation.id()));
    }
    return common(model, "organisation/record");
  }

  @PostMapping("/{id}")
  @PreAuthorize(DirectoryApiController.WRITE)
  String update(@PathVariable String id, OrganisationForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).letConflictsThrough();
    return refusals.view(() -> {
      organisations.update(id, form.details());
      redirect.addFlashAttribute("notice", forms.text("organisation.saved"));
      return "redirect:/organisations/" + id;
    }, () -> {
      model.addAttribute("form", form);
      return record(id, model);
    });
  }

  @PostMapping("/{id}/retire")
  @PreAuthorize(DirectoryApiController.WRITE)
  String retire(@PathVariable String id, RedirectAttributes redirect) {
    return forms.run(redirect, "/organisations/" + id, "organisation.retired", () -> organisations.retire(id));
  }

  @PostMapping("/{id}/reactivate")
  @PreAuthorize(DirectoryApiController.WRITE)
  String reactivate(@PathVariable String id, RedirectAttributes redirect) {
    return forms.run(redirect, "/organisations/" + id, "organisation.reactivated", () -> organisations.reactivate(id));
  }

  @PostMapping("/{id}/contacts")
  @PreAuthorize("hasAuthority('USER_ADMIN')")
  String bind(@PathVariable String id, @RequestParam(required = false) String username, RedirectAttributes redirect) {
    return forms.run(redirect, "/organisations/" + id, "organisation.contact.boundNotice",
        () -> contacts.bind(id, username));
  }

  @PostMapping("/{id}/contacts/unbind")
  @PreAuthorize("hasAuthority('USER_ADMIN')")
  String unbind(@PathVariable String id, @RequestParam String username, RedirectAttributes redirect) {
    return forms.run(redirect, "/organisations/" + id, "organisation.contact.unboundNotice",
        () -> contacts.unbind(id, username));
  }

  private String common(Model model, String view) {
    UserContext user = currentUser.get();
    model.addAttribute("canManage", user.has(Permission.ORGANISATION_WRITE));
    model.addAttribute("kinds", OrganisationKind.values());
    model.addAttribute("sectors", Sector.values());
    model.addAttribute("levels", SchoolLevel.values());
    return view;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem organisationsNavigation() {
      return new NavigationItem(650, "/organisations", "nav.organisations", "ORGANISATION_READ",
          NavigationGroup.ENTERPRISE);
    }
  }
}
