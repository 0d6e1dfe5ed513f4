package org.epicommand.tracing.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.epicommand.platform.CityZonePage;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.TypedDay;
import org.epicommand.tracing.ContactCategory;
import org.epicommand.tracing.ContactDiscoveryRoute;
import org.epicommand.tracing.ContactType;
import org.epicommand.tracing.Contacts;
import org.epicommand.tracing.Investigations;
import org.epicommand.tracing.NewContact;
import org.epicommand.tracing.TrackingState;
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

/** Contact pages: the contacts of a case with the add form (window check), and contacts to locate. */
@Controller
@RequestMapping("/tracing")
@PreAuthorize("hasAuthority('CASE_READ')")
class ContactPageController implements CityZonePage {

  private final Contacts contacts;
  private final Investigations investigations;
  private final org.epicommand.person.PersonRegistry persons;
  private final org.epicommand.cases.CaseRegistry cases;
  private final FormMessages forms;
  private final java.time.Clock clock;

  ContactPageController(Contacts contacts, Investigations investigations, org.epicommand.person.PersonRegistry persons,
      org.epicommand.cases.CaseRegistry cases, FormMessages forms, java.time.Clock clock) {
    this.contacts = contacts;
    this.investigations = investigations;
    this.persons = persons;
    this.cases = cases;
    this.forms = forms;
    this.clock = clock;
  }

  /** The contacts of a case and the add form; {@code personId} (from the person page) fills in the contact. */
  @GetMapping("/cases/{caseId}/contacts")
  String ofCase(@PathVariable UUID caseId, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) String personId, Model model) {
    model.addAttribute("investigation", investigations.ofCase(caseId));
    FormMessages.pager(model, contacts.ofCase(caseId, Paging.of(page, 50)));
    model.addAttribute("categories", ContactCategory.values());
    model.addAttribute("types", ContactType.values());
    model.addAttribute("routes", ContactDiscoveryRoute.values());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", personId == null ? Map.of() : Map.of("personId", personId));
    }
    @SuppressWarnings("unchecked")
    Map<String, String> form = (Map<String, String>) model.getAttribute("form");
    model.addAttribute("chosen", persons.chosen(form.get("personId")));
    return "tracing/contacts";
  }

  /** Naming a person as a contact from the person page: first choose the case whose contact they are. */
  @GetMapping("/contacts/new")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String chooseCase(@RequestParam(required = false) String personId, @RequestParam(required = false) String caseId,
      Model model) {
    org.epicommand.person.PersonSummary person = persons.chosen(personId);
    if (person == null) {
      throw new org.epicommand.shared.RecordNotFound("PERSON");
    }
    if (caseId != null && !caseId.isBlank()) {
      try {
        UUID id = UUID.fromString(caseId.strip());
        if (cases.summary(id).isPresent()) {
          return "redirect:/tracing/cases/" + id + "/contacts?personId=" + person.id() + "#contact-form";
        }
      } catch (IllegalArgumentException e) {
        // not a case id: asked again below
      }
      model.addAttribute("errors", Map.of("caseId", forms.text("error.tracing.contact.caseMissing")));
    }
    model.addAttribute("person", person);
    return "tracing/contact-new";
  }

  @PostMapping("/cases/{caseId}/contacts")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String add(@PathVariable UUID caseId, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect) {
    return forms.model(model).view(() -> {
      contacts.add(caseId, new NewContact(form.get("personId"), parse(ContactCategory.class, form.get("category")),
          parse(ContactType.class, form.get("contactType")), date(form.get("lastExposureDate")),
          parse(ContactDiscoveryRoute.class, form.get("discoveryRoute")), form.get("sourceContactId"),
          form.get("note")));
      redirect.addFlashAttribute("saved", true);
      return "redirect:/tracing/cases/" + caseId + "/contacts";
    }, () -> {
      model.addAttribute("form", form);
      return ofCase(caseId, null, null, model);
    });
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static LocalDate date(String value) {
    return TypedDay.parse(value, "lastExposureDate", "tracing.contact.lastExposureMissing");
  }

  /** The person page's tracing section (fragment): as a contact of cases, and the contacts of their own case. */
  @GetMapping("/person-section")
  String personSection(@RequestParam UUID personId, Model model) {
    model.addAttribute("view", contacts.ofPerson(personId));
    return "tracing/person-section :: section";
  }

  @GetMapping("/contacts/to-locate")
  @PreAuthorize("hasAuthority('CONTACT_TRACK')")
  String toLocate(@RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, contacts.toLocate(Paging.of(page, 30)));
    return "tracing/to-locate";
  }

  @PostMapping("/contacts/{id}/tracking")
  @PreAuthorize("hasAuthority('CONTACT_TRACK')")
  String track(@PathVariable UUID id, @RequestParam(required = false) TrackingState trackingState,
      @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return forms.act(redirect, "/tracing/contacts/to-locate", () -> contacts.track(id, trackingState, note));
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem contactsToLocateNavigation() {
      return new NavigationItem(216, "/tracing/contacts/to-locate", "nav.contacts.toLocate", "CONTACT_TRACK",
          NavigationGroup.TRACING);
    }

    @Bean
    org.epicommand.shared.PersonSection tracingPersonSection() {
      return new org.epicommand.shared.PersonSection(20, "/tracing/person-section", "CASE_READ");
    }
  }
}
