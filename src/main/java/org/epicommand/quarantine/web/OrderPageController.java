package org.epicommand.quarantine.web;

import org.epicommand.platform.PageStep;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.person.PersonRegistry;
import org.epicommand.quarantine.HealthChecks;
import org.epicommand.quarantine.NewOrder;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.OrderReleases;
import org.epicommand.quarantine.OrderSource;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.QuarantineOrder;
import org.epicommand.quarantine.QuarantineOrder.TestStatus;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.quarantine.QuarantineSites;
import org.epicommand.quarantine.RoomState;
import org.epicommand.quarantine.RuleSets;
import org.epicommand.quarantine.HealthLinkTexts;
import org.epicommand.quarantine.SiteStays;
import org.epicommand.quarantine.Symptom;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** An order: open one, read it (audited), and every step on it with 400/409 answers shown on the page. */
@Controller
@RequestMapping("/quarantine/orders")
@PreAuthorize("hasAuthority('QUARANTINE_READ')")
class OrderPageController implements QuarantinePages.Page {

  /** The new-order form as typed, echoed back with the errors. */
  record OrderForm(String personId, String reason, String anchorDate, String ruleSet) {}

  private static final String WRITE_OR_SITE = "hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')";

  private final QuarantineOrders orders;
  private final OrderReleases releases;
  private final SiteStays stays;
  private final HealthChecks checks;
  private final QuarantineSites sites;
  private final RuleSets ruleSets;
  private final PersonRegistry persons;
  private final QuarantinePages pages;
  private final Clock clock;
  private final HealthLinkTexts texts;

  OrderPageController(QuarantineOrders orders, OrderReleases releases, SiteStays stays, HealthChecks checks,
      QuarantineSites sites, RuleSets ruleSets, PersonRegistry persons, QuarantinePages pages, Clock clock,
      HealthLinkTexts texts) {
    this.texts = texts;
    this.orders = orders;
    this.releases = releases;
    this.stays = stays;
    this.checks = checks;
    this.sites = sites;
    this.ruleSets = ruleSets;
    this.persons = persons;
    this.pages = pages;
    this.clock = clock;
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  String newOrder(@RequestParam(required = false) String personId, Model model) {
    model.addAttribute("form", new OrderForm(personId, OrderReason.CLOSE_CONTACT.name(), "", ""));
    return form(model);
  }

  @PostMapping("/new")
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  String open(OrderForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = pages.forms().model(model).conflictOn("personId", pages::problem)
        .onConflict(e -> model.addAttribute("existingId", e.existingId()));
    return refusals.view(() -> {
      QuarantineOrder order = orders.open(toNewOrder(form));
      redirect.addFlashAttribute("notice", pages.text("qp.order.opened"));
      return "redirect:/quarantine/orders/" + order.id();
    }, () -> {
      model.addAttribute("form", form);
      return form(model);
    });
  }

  private NewOrder toNewOrder(OrderForm form) {
    List<FieldProblem> problems = new ArrayList<>();
    UUID personId = null;
    if (form.personId() == null || form.personId().isBlank()) {
      problems.add(FieldProblem.of("personId", "required"));
    } else {
      try {
        personId = UUID.fromString(form.personId().strip());
      } catch (IllegalArgumentException e) {
        problems.add(FieldProblem.of("personId", "quarantine.person.unknown"));
      }
    }
    OrderReason reason = null;
    try {
      reason = OrderReason.valueOf(form.reason() == null ? "" : form.reason());
    } catch (IllegalArgumentException e) {
      problems.add(FieldProblem.of("reason", "required"));
    }
    LocalDate anchor = null;
    try {
      anchor = LocalDate.parse(form.anchorDate() == null ? "" : form.anchorDate().strip());
    } catch (DateTimeParseException e) {
      problems.add(FieldProblem.of("anchorDate", "required"));
    }
    String ruleSet = form.ruleSet() == null || form.ruleSet().isBlank() ? null : form.ruleSet().strip();
    if (ruleSet != null && ruleSets.find(ruleSet).isEmpty()) {
      problems.add(FieldProblem.of("ruleSet", "quarantine.ruleSet.unknown", ruleSet));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return new NewOrder(personId, reason, anchor, ruleSet, OrderSource.MANUAL, null);
  }

  private String form(Model model) {
    OrderForm form = (OrderForm) model.getAttribute("form");
    model.addAttribute("reasons", OrderReason.values());
    model.addAttribute("ruleSets", ruleSets.all());
    model.addAttribute("chosen", form == null ? null : persons.chosen(form.personId()));
    return "quarantine/order-form";
  }

  @GetMapping("/{id}")
  String detail(@PathVariable UUID id, Model model) {
    QuarantineOrder order = orders.get(id);
    model.addAttribute("order", order);
    model.addAttribute("person", persons.summary(UUID.fromString(order.personId())).orElse(null));
    model.addAttribute("history", checks.history(id));
    model.addAttribute("symptoms", Symptom.values());
    model.addAttribute("ruleSets", ruleSets.all());
    model.addAttribute("site", order.siteId() == null ? null
        : sites.list().stream().filter(s -> s.id().equals(order.siteId())).findFirst().orElse(null));
    model.addAttribute("sites", sites.forCheckIn());
    model.addAttribute("endStates", List.of(OrderState.BECAME_CASE, OrderState.TRANSFERRED_OUT));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("smsLinks", texts.available());
    return "quarantine/order";
  }

  /** The free rooms of a site as {@code <option>}s, for the check-in form (htmx). */
  @GetMapping("/free-rooms")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String freeRooms(@RequestParam(required = false) UUID siteId, Model model) {
    model.addAttribute("rooms", siteId == null ? List.of()
        : sites.rooms(siteId, RoomState.FREE).stream().limit(500).toList());
    return "quarantine/fragments :: roomOptions";
  }

  @PostMapping("/{id}/tests/{testId}/result")
  @PreAuthorize(WRITE_OR_SITE)
  String result(@PathVariable UUID id, @PathVariable UUID testId, @RequestParam(required = false) TestStatus result,
      @RequestParam(required = false) TestStatus secondReagent, @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return pages.run(redirect, back(id), "qp.test.recorded",
        () -> releases.recordResult(id, testId, result, secondReagent, blankToNull(note)));
  }

  @PostMapping("/{id}/health-checks")
  @PreAuthorize(WRITE_OR_SITE)
  String healthCheck(@PathVariable UUID id, HealthCheckForm form, RedirectAttributes redirect) {
    return pages.run(redirect, back(id), "qp.health.recorded",
        () -> checks.recordByStaff(id, form.parsedTemperature(), form.ticked()));
  }

  @PostMapping("/{id}/link")
  @PreAuthorize(WRITE_OR_SITE)
  String link(@PathVariable UUID id, RedirectAttributes redirect) {
    return pages.run(redirect, back(id), "qp.link.issued",
        () -> redirect.addFlashAttribute("linkUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/public/h/").path(checks.issueLink(id)).toUriString()));
  }

  @PostMapping("/{id}/link/sms")
  @PreAuthorize(WRITE_OR_SITE)
  String textLink(@PathVariable UUID id, RedirectAttributes redirect) {
    return pages.run(redirect, back(id), "qp.link.texted", () -> texts.send(id));
  }

  @PostMapping("/{id}/check-in")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String checkIn(@PathVariable UUID id, @RequestParam(required = false) UUID roomId, RedirectAttributes redirect) {
    return pages.run(redirect, back(id), "qp.checkIn.done", () -> stays.checkIn(id, roomId));
  }

  @PostMapping("/{id}/site-release")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String siteRelease(@PathVariable UUID id, RedirectAttributes redirect) {
    return pages.run(redirect, back(id), "qp.siteRelease.done", () -> stays.releaseFromSite(id));
  }

  @PostMapping("/{id}/release")
  @PreAuthorize(WRITE_OR_SITE)
  String release(@PathVariable UUID id, RedirectAttributes redirect) {
    return pages.run(redirect, back(id), "qp.release.done", () -> releases.release(id));
  }

  @PostMapping("/{id}/end")
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  String end(@PathVariable UUID id, @RequestParam(required = false) OrderState state,
      @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return pages.run(redirect, back(id), "qp.end.done", () -> releases.end(id, state, blankToNull(note)));
  }

  @PostMapping("/{id}/recompute")
  @PreAuthorize("hasAuthority('QUARANTINE_WRITE')")
  String recompute(@PathVariable UUID id, @RequestParam(required = false) String ruleSet,
      RedirectAttributes redirect) {
    return pages.run(redirect, back(id), "qp.recompute.done", () -> orders.recompute(id, blankToNull(ruleSet)));
  }

  private static String back(UUID id) {
    return "/quarantine/orders/" + id;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
