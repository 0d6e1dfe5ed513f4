package org.epicommand.movement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epicommand.account.CurrentUser;
import org.epicommand.movement.Arrival;
import org.epicommand.movement.Arrivals;
import org.epicommand.movement.Checkpoints;
import org.epicommand.movement.NewArrival;
import org.epicommand.movement.RiskAreas;
import org.epicommand.person.IdType;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.shared.Coordinates;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.TypedDay;
import org.epicommand.shared.ValidationFailure;
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
 * Checkpoint pages: the command office's list of checkpoints and stations with the forms to set one
 * up and to issue green-channel passes; a station's phone page to check a supply vehicle (by plate or
 * pass number: valid, expired, not yet valid, unknown), record its passage, and register an arrival
 * (the arrival rule opens the quarantine order as every arrival registration does).
 */
@Controller
@RequestMapping("/movement")
@PreAuthorize("hasAuthority('MOVEMENT_READ')")
class CheckpointPageController {

  /** The checkpoint form as typed. */
  record CheckpointForm(String code, String name, String kind, String jurisdictionCode, String lat, String lon) {

    /** The form as the facade takes it; an unknown kind is a field error. */
    Checkpoints.NewCheckpoint toNewCheckpoint() {
      Checkpoints.Kind parsed = null;
      if (kind != null && !kind.isBlank()) {
        try {
          parsed = Checkpoints.Kind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
          throw new ValidationFailure(FieldProblem.of("kind", "movement.checkpoint.kind"));
        }
      }
      return new Checkpoints.NewCheckpoint(code, name, parsed, jurisdictionCode, Coordinates.parse(lat),
          Coordinates.parse(lon));
    }
  }

  /** The pass form as typed. */
  record PassForm(String plate, String cargo, String validFrom, String validTo) {}

  private final Checkpoints checkpoints;
  private final Arrivals arrivals;
  private final RiskAreas riskAreas;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  CheckpointPageController(Checkpoints checkpoints, Arrivals arrivals, RiskAreas riskAreas, Jurisdictions jurisdictions,
      CurrentUser currentUser, FormMessages forms, Clock clock) {
    this.jurisdictions = jurisdictions;
    this.checkpoints = checkpoints;
    this.arrivals = arrivals;
    this.riskAreas = riskAreas;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/checkpoints")
  String list(Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new CheckpointForm("", "", "STATION", currentUser.get().jurisdictionCode(), "", ""));
    }
    if (!model.containsAttribute("passForm")) {
      LocalDate today = LocalDate.now(clock);
      model.addAttribute("passForm", new PassForm("", "", today.toString(), today.plusDays(14).toString()));
    }
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    if (!model.containsAttribute("passErrors")) {
      model.addAttribute("passErrors", Map.of());
    }
    List<Checkpoints.Checkpoint> active = checkpoints.list(Checkpoints.State.ACTIVE);
    List<Checkpoints.Checkpoint> retired = checkpoints.list(Checkpoints.State.RETIRED);
    model.addAttribute("checkpoints", active);
    model.addAttribute("retired", retired);
    model.addAttribute("names", divisionNames(jurisdictions, java.util.stream.Stream.concat(active.stream(),
        retired.stream()).map(Checkpoints.Checkpoint::jurisdictionCode).toList()));
    model.addAttribute("passes", checkpoints.recentPasses(20));
    model.addAttribute("kinds", Checkpoints.Kind.values());
    model.addAttribute("today", LocalDate.now(clock));
    return "movement/checkpoints";
  }

  @PostMapping("/checkpoints")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  String create(CheckpointForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    PageStep refusals = forms.model(model).conflictOn("code");
    return refusals.view(() -> {
      Checkpoints.Checkpoint created = checkpoints.create(form.toNewCheckpoint());
      redirect.addFlashAttribute("created", created.code());
      return "redirect:/movement/checkpoints";
    }, () -> {
      response.setStatus(400);
      model.addAttribute("form", form);
      return list(model);
    });
  }

  @PostMapping("/green-passes")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  String issue(PassForm form, @RequestParam(required = false) String back, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    PageStep refusals = forms.model(model).errorsAs("passErrors").letConflictsThrough();
    return refusals.view(() -> {
      Checkpoints.GreenPass pass = checkpoints.issue(form.plate(), form.cargo(), day(form.validFrom(), "validFrom"),
          day(form.validTo(), "validTo"));
      redirect.addFlashAttribute("issued", pass);
      return "redirect:" + (back != null && back.matches("/movement/checkpoints/[A-Za-z0-9-]{2,30}") ? back
          : "/movement/checkpoints");
    }, () -> {
      response.setStatus(400);
      model.addAttribute("passForm", form);
      return list(model);
    });
  }

  @GetMapping("/checkpoints/{code}")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String station(@PathVariable String code, @RequestParam(required = false) String q, Model model,
      HttpServletResponse response) {
    Checkpoints.Checkpoint checkpoint = checkpoints.find(code).orElseThrow(() -> new RecordNotFound("CHECKPOINT"));
    model.addAttribute("checkpoint", checkpoint);
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("q", q == null ? "" : q);
    if (q != null && !q.isBlank()) {
      boolean number = q.strip().toUpperCase(java.util.Locale.ROOT).startsWith("GC-");
      try {
        model.addAttribute("check", number ? checkpoints.check(q, null) : checkpoints.check(null, q));
      } catch (ValidationFailure e) {
        response.setStatus(400);
        model.addAttribute("checkError", String.join("；", forms.of(e).values()));
      }
    }
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new PublicArrivalPageController.ArrivalForm("", IdType.RESIDENT_ID, "", "", "", "",
          "", "", "", false, "", LocalDate.now(clock).toString()));
    }
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    model.addAttribute("areas", riskAreas.list(null));
    model.addAttribute("idTypes", IdType.values());
    model.addAttribute("levels", RiskLevel.values());
    model.addAttribute("passForm", new PassForm("", "", LocalDate.now(clock).toString(),
        LocalDate.now(clock).plusDays(14).toString()));
    model.addAttribute("passErrors", Map.of());
    return "movement/station";
  }

  @PostMapping("/checkpoints/{code}/passages")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String passage(@PathVariable String code, @RequestParam(required = false) String passNumber,
      RedirectAttributes redirect) {
    return PageAction.run(forms, redirect, "/movement/checkpoints/" + checkpoints.find(code)
        .map(Checkpoints.Checkpoint::code).orElseThrow(() -> new RecordNotFound("CHECKPOINT")),
        () -> checkpoints.pass(passNumber, code));
  }

  @PostMapping("/checkpoints/{code}/arrivals")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String arrival(@PathVariable String code, PublicArrivalPageController.ArrivalForm form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    Checkpoints.Checkpoint checkpoint = checkpoints.find(code).orElseThrow(() -> new RecordNotFound("CHECKPOINT"));
    PageStep refusals = forms.model(model)
        .on(AccessDeniedException.class, "destinationCode", "error.person.outsideScope")
        .onConflict(e -> response.setStatus(HttpServletResponse.SC_CONFLICT));
    return refusals.view(() -> {
      NewArrival request = PublicArrivalPageController.toNewArrival(form, clock);
      Arrival arrival = arrivals.register(new NewArrival(request.name(), request.idType(), request.idNumber(),
          request.phone(), request.address(), request.destinationCode(), request.originRegion(), request.originAreaId(),
          request.originLevel(), request.inbound(), request.route(), request.arrivalDate(), checkpoint.code()));
      redirect.addFlashAttribute("done", arrival);
      return "redirect:/movement/checkpoints/" + checkpoint.code();
    }, () -> {
      if (response.getStatus() != HttpServletResponse.SC_CONFLICT) {
        response.setStatus(400);
      }
      model.addAttribute("form", form);
      return station(checkpoint.code(), null, model, response);
    });
  }

  private static LocalDate day(String text, String field) {
    return TypedDay.parse(text, field, "movement.pass.date");
  }

  /** Division names by code (names, not codes, on the pages). */
  static Map<String, String> divisionNames(Jurisdictions jurisdictions, List<String> codes) {
    Map<String, String> names = new java.util.HashMap<>();
    codes.stream().distinct().forEach(code -> jurisdictions.find(code).ifPresent(j -> names.put(code, j.name())));
    return names;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem checkpointNavigation() {
      return new NavigationItem(530, "/movement/checkpoints", "nav.movement.checkpoints", "MOVEMENT_READ",
          NavigationGroup.MOVEMENT);
    }
  }
}
