package org.epicommand.person.web;

import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.person.IdType;
import org.epicommand.person.NewPerson;
import org.epicommand.person.Person;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.Sex;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Person pages: search and list, detail (audited), register and edit with messages at the fields, export. */
@Controller
@RequestMapping("/persons")
@PreAuthorize("hasAuthority('PERSON_READ')")
class PersonPageController {

  /** The form's fields as typed, echoed back when there are errors. */
  record PersonForm(String name, IdType idType, String idNumber, Sex sex, String birthDate, String phone,
      String address, String jurisdictionCode) {}

  private final PersonRegistry registry;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final java.util.List<org.epicommand.shared.PersonSection> sections;

  PersonPageController(PersonRegistry registry, CurrentUser currentUser, FormMessages forms,
      java.util.List<org.epicommand.shared.PersonSection> sections) {
    this.registry = registry;
    this.currentUser = currentUser;
    this.forms = forms;
    this.sections = sections.stream()
        .sorted(java.util.Comparator.comparingInt(org.epicommand.shared.PersonSection::order)).toList();
  }

  @GetMapping
  String list(@RequestParam(required = false) String q, @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("q", q);
    model.addAttribute("jurisdiction", jurisdiction);
    FormMessages.pager(model, registry.search(q, jurisdiction, Paging.of(page, 20)));
    return "person/list";
  }

  /**
   * The person picker's hits (fragments/person :: picker): the registry's scoped search, masked per
   * role, with each person's community; at most 8.
   */
  @GetMapping(path = "/picker", produces = "application/json")
  @org.springframework.web.bind.annotation.ResponseBody
  org.epicommand.shared.PageResult<org.epicommand.person.PersonSummary> picker(@RequestParam(
      required = false) String q) {
    return registry.picker(q);
  }

  @GetMapping("/export.csv")
  @PreAuthorize("hasAuthority('PERSON_EXPORT')")
  ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String q,
      @RequestParam(required = false) String jurisdiction) {
    return PersonApiController.csv(q, jurisdiction, registry);
  }

  /**
   * The person page: identity and household, the actions that start with this person, and every
   * module's section about them (each loaded by itself, scoped and audited by its module).
   */
  @GetMapping("/{id}")
  String detail(@PathVariable UUID id, Model model) {
    Person person = registry.get(id);
    model.addAttribute("person", person);
    model.addAttribute("place", registry.summary(id).map(org.epicommand.person.PersonSummary::jurisdictionName)
        .orElse(person.jurisdictionCode()));
    model.addAttribute("household", registry.household(id));
    model.addAttribute("sections", sections);
    return "person/detail";
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('PERSON_WRITE')")
  String newPerson(Model model) {
    model.addAttribute("form", new PersonForm("", IdType.RESIDENT_ID, "", null, "", "", "",
        currentUser.get().jurisdictionCode()));
    return form(model, null);
  }

  @PostMapping("/new")
  @PreAuthorize("hasAuthority('PERSON_WRITE')")
  String register(PersonForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).conflictOn("idNumber", e -> forms.text("error.person.duplicate"))
        .onConflict(e -> model.addAttribute("existingId", e.existingId()))
        .on(AccessDeniedException.class, "jurisdictionCode", "error.person.outsideScope");
    return refusals.view(() -> {
      Person person = registry.register(toNewPerson(form));
      redirect.addFlashAttribute("saved", true);
      return "redirect:/persons/" + person.id();
    }, () -> {
      model.addAttribute("form", form);
      return form(model, null);
    });
  }

  @GetMapping("/{id}/edit")
  @PreAuthorize("hasAuthority('PERSON_WRITE')")
  String edit(@PathVariable UUID id, Model model) {
    Person person = registry.get(id);
    model.addAttribute("form", new PersonForm(person.name(), person.idType(), person.idNumber(), person.sex(),
        person.birthDate() == null ? "" : person.birthDate().toString(), person.phone(), person.address(),
        person.jurisdictionCode()));
    return form(model, person);
  }

  @PostMapping("/{id}/edit")
  @PreAuthorize("hasAuthority('PERSON_WRITE')")
  String update(@PathVariable UUID id, PersonForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).letConflictsThrough()
        .on(AccessDeniedException.class, "jurisdictionCode", "error.person.outsideScope");
    return refusals.view(() -> {
      registry.update(id, toNewPerson(form));
      redirect.addFlashAttribute("saved", true);
      return "redirect:/persons/" + id;
    }, () -> {
      model.addAttribute("form", form);
      return form(model, registry.get(id));
    });
  }

  private NewPerson toNewPerson(PersonForm form) {
    LocalDate birthDate = null;
    if (form.birthDate() != null && !form.birthDate().isBlank()) {
      try {
        birthDate = LocalDate.parse(form.birthDate().strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw new ValidationFailure(org.epicommand.shared.FieldProblem.of("birthDate", "person.birthDate"));
      }
    }
    return new NewPerson(form.name(), form.idType(), form.idNumber(), form.sex(), birthDate, form.phone(),
        form.address(), form.jurisdictionCode());
  }

  private String form(Model model, Person person) {
    model.addAttribute("person", person);
    model.addAttribute("idTypes", IdType.values());
    model.addAttribute("sexes", Sex.values());
    return "person/form";
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem personNavigation() {
      return new NavigationItem(100, "/persons", "nav.persons", "PERSON_READ", NavigationGroup.TRACING);
    }
  }
}
