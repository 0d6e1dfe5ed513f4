package org.epicommand.movement.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.movement.Arrival;
import org.epicommand.movement.Arrivals;
import org.epicommand.movement.NewRiskArea;
import org.epicommand.movement.PushedItemState;
import org.epicommand.movement.PushedItems;
import org.epicommand.movement.RiskArea;
import org.epicommand.movement.RiskAreas;
import org.epicommand.person.IdType;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.TypedDay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
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
 * Movement pages: risk areas by district with the proposals to approve (command office), pushed
 * items with deadlines and KPIs (district desks; community workers on a phone: sign, verify,
 * feedback), and arrivals registered by community staff.
 */
@Controller
@RequestMapping("/movement")
@PreAuthorize("hasAuthority('MOVEMENT_READ')")
class MovementPageController {

  /** One district's row of the risk-area table. */
  record DistrictRow(String code, String name, long high, long medium, long low, long proposals) {}

  private final RiskAreas riskAreas;
  private final PushedItems pushedItems;
  private final Arrivals arrivals;
  private final Jurisdictions jurisdictions;
  private final org.epicommand.person.PersonRegistry persons;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  MovementPageController(RiskAreas riskAreas, PushedItems pushedItems, Arrivals arrivals, Jurisdictions jurisdictions,
      org.epicommand.person.PersonRegistry persons, CurrentUser currentUser, FormMessages forms, Clock clock) {
    this.riskAreas = riskAreas;
    this.pushedItems = pushedItems;
    this.arrivals = arrivals;
    this.jurisdictions = jurisdictions;
    this.persons = persons;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/risk-areas")
  String riskAreas(@RequestParam(required = false) RiskLevel level, Model model) {
    List<RiskArea> all = riskAreas.list(null);
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (RiskArea area : all) {
      String district = area.jurisdictionCode().length() >= 6 ? area.jurisdictionCode().substring(0, 6)
          : area.jurisdictionCode();
      long[] c = counts.computeIfAbsent(district, d -> new long[4]);
      c[area.level().ordinal()]++;
      if (area.proposedLevel() != null) {
        c[3]++;
      }
    }
    List<DistrictRow> districts = new ArrayList<>();
    counts.forEach((code, c) -> districts.add(new DistrictRow(code,
        jurisdictions.find(code).map(Jurisdiction::name).orElse(code), c[0], c[1], c[2], c[3])));
    model.addAttribute("districts", districts);
    model.addAttribute("areas", level == null ? all : all.stream().filter(a -> a.level() == level).toList());
    model.addAttribute("level", level);
    model.addAttribute("levels", riskAreas.ruleOn(LocalDate.now(clock)).levels());
    model.addAttribute("allLevels", RiskLevel.values());
    model.addAttribute("today", LocalDate.now(clock));
    return "movement/risk-areas";
  }

  @PostMapping("/risk-areas")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  String designate(@RequestParam(required = false) String name, @RequestParam(required = false) RiskLevel level,
      @RequestParam(required = false) String jurisdictionCode, @RequestParam(required = false) String boundary,
      RedirectAttributes redirect) {
    return act(redirect, "/movement/risk-areas",
        () -> riskAreas.designate(new NewRiskArea(name, level, jurisdictionCode, boundary)));
  }

  @PostMapping("/risk-areas/propose")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  String propose(RedirectAttributes redirect) {
    return act(redirect, "/movement/risk-areas", () -> riskAreas.proposeDowngrades(LocalDate.now(clock)));
  }

  @PostMapping("/risk-areas/{id}/approve")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  String approve(@PathVariable UUID id, @RequestParam(required = false) String notice, RedirectAttributes redirect) {
    return act(redirect, "/movement/risk-areas", () -> riskAreas.approveDowngrade(id, notice));
  }

  @PostMapping("/risk-areas/{id}/infection")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  String infection(@PathVariable UUID id, @RequestParam(required = false) String date,
      @RequestParam(required = false) Boolean foundUnderControl, RedirectAttributes redirect) {
    return act(redirect, "/movement/risk-areas",
        () -> riskAreas.recordNewInfection(id, day(date), Boolean.TRUE.equals(foundUnderControl)));
  }

  @GetMapping("/pushed")
  String pushed(@RequestParam(required = false) PushedItemState state, @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("kpis", pushedItems.kpis());
    FormMessages.pager(model, pushedItems.listWithNames(state, jurisdiction, overdue, Paging.of(page, 20)));
    model.addAttribute("jurisdiction", jurisdiction);
    model.addAttribute("state", state);
    model.addAttribute("overdue", overdue);
    model.addAttribute("states", PushedItemState.values());
    model.addAttribute("outcomes", PushedItemState.OUTCOMES);
    return "movement/pushed";
  }

  @PostMapping("/pushed/{id}/{step}")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) PushedItemState outcome,
      @RequestParam(required = false) String note, @RequestParam(required = false) String back,
      RedirectAttributes redirect) {
    String target = back != null && back.startsWith("/movement/pushed") && !back.startsWith("//") ? back
        : "/movement/pushed";
    return act(redirect, target, () -> {
      switch (step) {
        case "sign" -> pushedItems.sign(id);
        case "verify" -> pushedItems.startVerifying(id);
        case "outcome" -> pushedItems.recordOutcome(id, outcome, note);
        case "feedback" -> pushedItems.sendFeedback(id, note);
        case "audit" -> {
          if (!currentUser.get().has(org.epicommand.account.Permission.PUSHED_LIST_IMPORT)) {
            throw new AccessDeniedException("audit needs the desk's right");
          }
          pushedItems.markAudited(id);
        }
        default -> throw new org.epicommand.shared.RecordNotFound("step");
      }
      return null;
    });
  }

  /** The person page's movement section (fragment): the person's arrivals and pushed items. */
  @GetMapping("/person-section")
  String personSection(@RequestParam UUID personId, Model model) {
    model.addAttribute("arrivals", arrivals.ofPerson(personId));
    model.addAttribute("pushed", pushedItems.ofPerson(personId));
    model.addAttribute("zone", clock.getZone());
    return "movement/person-section :: section";
  }

  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Section {

    @org.springframework.context.annotation.Bean
    org.epicommand.shared.PersonSection movementPersonSection() {
      return new org.epicommand.shared.PersonSection(50, "/movement/person-section", "MOVEMENT_READ");
    }
  }

  @GetMapping("/arrivals")
  String arrivalList(@RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, arrivals.list(Paging.of(page, 20)));
    return "movement/arrivals";
  }

  /** The arrival form; from the person page ({@code personId}) with who the person is filled in (an audited read). */
  @GetMapping("/arrivals/new")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String arrivalForm(@RequestParam(required = false) UUID personId, Model model) {
    String today = LocalDate.now(clock).toString();
    if (personId != null) {
      org.epicommand.person.Person p = persons.get(personId);
      model.addAttribute("form", new PublicArrivalPageController.ArrivalForm(p.name(), p.idType(), p.idNumber(),
          p.phone() == null ? "" : p.phone(), p.address() == null ? "" : p.address(), p.jurisdictionCode(), "", "", "",
          false, "", today));
    } else {
      model.addAttribute("form", new PublicArrivalPageController.ArrivalForm("", IdType.RESIDENT_ID, "", "", "",
          currentUser.get().jurisdictionCode(), "", "", "", false, "", today));
    }
    return arrivalPage(model);
  }

  @PostMapping("/arrivals/new")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String registerArrival(PublicArrivalPageController.ArrivalForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).letConflictsThrough()
        .on(AccessDeniedException.class, "destinationCode", "error.person.outsideScope");
    return refusals.view(() -> {
      Arrival arrival = arrivals.register(PublicArrivalPageController.toNewArrival(form, clock));
      redirect.addFlashAttribute("done", arrival);
      return "redirect:/movement/arrivals";
    }, () -> {
      model.addAttribute("form", form);
      return arrivalPage(model);
    });
  }

  private String arrivalPage(Model model) {
    model.addAttribute("areas", riskAreas.list(null));
    model.addAttribute("idTypes", IdType.values());
    model.addAttribute("levels", RiskLevel.values());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "movement/arrival-new";
  }

  private static LocalDate day(String text) {
    return TypedDay.orNull(text);
  }

  /** Runs a page action; problems come back as a flash message, success as "saved". */
  private String act(RedirectAttributes redirect, String target, java.util.function.Supplier<Object> action) {
    return forms.act(redirect, target, action::get);
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem riskAreaNavigation() {
      return new NavigationItem(500, "/movement/risk-areas", "nav.movement.riskAreas", "MOVEMENT_READ",
          NavigationGroup.MOVEMENT);
    }

    @Bean
    NavigationItem pushedNavigation() {
      return new NavigationItem(510, "/movement/pushed", "nav.movement.pushed", "MOVEMENT_READ",
          NavigationGroup.MOVEMENT);
    }

    @Bean
    NavigationItem arrivalNavigation() {
      return new NavigationItem(520, "/movement/arrivals", "nav.movement.arrivals", "MOVEMENT_READ",
          NavigationGroup.MOVEMENT);
    }
  }
}
