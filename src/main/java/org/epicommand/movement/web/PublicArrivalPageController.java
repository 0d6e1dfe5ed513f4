package org.epicommand.movement.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.epicommand.movement.Arrivals;
import org.epicommand.movement.NewArrival;
import org.epicommand.movement.RiskAreas;
import org.epicommand.movement.internal.PublicRateLimit;
import org.epicommand.person.IdType;
import org.epicommand.platform.FormMessages;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /public/arrival}: the returnee's own registration on a phone, no login (返乡人员自主报备). */
@Controller
class PublicArrivalPageController {

  /** The form as typed, echoed back with the errors. */
  record ArrivalForm(String name, IdType idType, String idNumber, String phone, String address, String destinationCode,
      String originRegion, String originAreaId, String originLevel, Boolean inbound, String route,
      String arrivalDate) {}

  private final Arrivals arrivals;
  private final RiskAreas riskAreas;
  private final PublicRateLimit rateLimit;
  private final FormMessages forms;
  private final Clock clock;

  PublicArrivalPageController(Arrivals arrivals, RiskAreas riskAreas,
      PublicRateLimit rateLimit, FormMessages forms, Clock clock) {
    this.arrivals = arrivals;
    this.riskAreas = riskAreas;
    this.rateLimit = rateLimit;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/public/arrival")
  String form(Model model) {
    model.addAttribute("form", new ArrivalForm("", IdType.RESIDENT_ID, "", "", "", "", "", "", "", false, "",
        LocalDate.now(clock).toString()));
    return page(model);
  }

  @PostMapping("/public/arrival")
  String submit(ArrivalForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
    model.addAttribute("form", form);
    if (!rateLimit.tryAcquire(request.getRemoteAddr())) {
      response.setStatus(429);
      model.addAttribute("limited", forms.text("error.movement.arrival.rateLimited"));
      return page(model);
    }
    NewArrival arrival;
    try {
      arrival = toNewArrival(form, clock);
    } catch (ValidationFailure e) {
      response.setStatus(400);
      model.addAttribute("errors", forms.of(arrivals.refusedSelf(e)));
      return page(model);
    }
    try {
      model.addAttribute("done", arrivals.registerSelf(arrival));
    } catch (ValidationFailure e) {
      response.setStatus(400);
      model.addAttribute("errors", forms.of(e));
    }
    return page(model);
  }

  static NewArrival toNewArrival(ArrivalForm form, Clock clock) {
    LocalDate day = null;
    UUID area = null;
    RiskLevel level = null;
    try {
      day = form.arrivalDate() == null || form.arrivalDate().isBlank() ? null : LocalDate.parse(form.arrivalDate()
          .strip());
    } catch (DateTimeParseException e) {
      throw new ValidationFailure(FieldProblem.of("arrivalDate", "movement.arrival.date", 3, LocalDate.now(clock)
          .minusDays(30).toString()));
    }
    if (form.originAreaId() != null && !form.originAreaId().isBlank()) {
      try {
        area = UUID.fromString(form.originAreaId().strip());
      } catch (IllegalArgumentException e) {
        throw new ValidationFailure(FieldProblem.of("originAreaId", "movement.arrival.originArea"));
      }
    }
    if (form.originLevel() != null && !form.originLevel().isBlank()) {
      try {
        level = RiskLevel.valueOf(form.originLevel());
      } catch (IllegalArgumentException e) {
        throw new ValidationFailure(FieldProblem.of("originLevel", "movement.riskArea.level"));
      }
    }
    return new NewArrival(form.name(), form.idType() == null ? IdType.RESIDENT_ID : form.idType(), form.idNumber(),
        form.phone(), form.address(), form.destinationCode(), form.originRegion(), area, level,
        Boolean.TRUE.equals(form.inbound()), form.route(), day, null);
  }

  private String page(Model model) {
    model.addAttribute("areas", riskAreas.list(null));
    model.addAttribute("idTypes", IdType.values());
    // a resident reports a recent journey: the levels of the rule set in force today
    model.addAttribute("levels", riskAreas.levelsToday());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "movement/public-arrival";
  }
}
