package org.epicommand.quarantine.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.epicommand.quarantine.HealthChecks;
import org.epicommand.quarantine.HalfDay;
import org.epicommand.quarantine.Symptom;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The personal phone page (no login: the unguessable token is the credential): the person reports
 * this half-day's temperature and symptoms, a household head also for dependants. An unknown,
 * replaced or expired link answers 404 with a plain "no longer valid" page.
 */
@Controller
@RequestMapping("/public/h/{token}")
class HealthLinkPageController implements QuarantinePages.Page {

  private final HealthChecks checks;
  private final QuarantinePages pages;
  private final java.time.Clock clock;

  HealthLinkPageController(HealthChecks checks, QuarantinePages pages, java.time.Clock clock) {
    this.checks = checks;
    this.pages = pages;
    this.clock = clock;
  }

  @GetMapping
  String page(@PathVariable String token, @RequestParam(required = false) String done,
      @RequestParam(required = false) String declared, Model model, HttpServletResponse response) {
    try {
      model.addAttribute("link", checks.link(token));
    } catch (RecordNotFound e) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "quarantine/link-invalid";
    }
    model.addAttribute("token", token);
    model.addAttribute("done", done != null);
    model.addAttribute("declared", declared != null);
    model.addAttribute("symptoms", Symptom.values());
    model.addAttribute("half", HalfDay.at(java.time.LocalTime.now(clock)));
    model.addAttribute("today", java.time.LocalDate.now(clock));
    return "quarantine/health-link";
  }

  @PostMapping
  String report(@PathVariable String token, HealthCheckForm form, Model model, HttpServletResponse response) {
    try {
      checks.selfReport(token, form.order(), form.parsedTemperature(), form.ticked());
      return "redirect:/public/h/" + token + "?done";
    } catch (RecordNotFound e) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "quarantine/link-invalid";
    } catch (ValidationFailure e) {
      Map<String, String> errors = pages.forms().of(e);
      model.addAttribute("errors", errors);
      model.addAttribute("form", form);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(token, null, null, model, response);
    }
  }

  /** The person tells beforehand that the door will open (rubbish, delivery): no alert then. */
  @PostMapping("/door")
  String declareDoor(@PathVariable String token, @RequestParam(defaultValue = "10") int minutes,
      HttpServletResponse response) {
    try {
      checks.declareDoorOpening(token, minutes);
      return "redirect:/public/h/" + token + "?declared";
    } catch (RecordNotFound e) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "quarantine/link-invalid";
    } catch (ValidationFailure | org.epicommand.shared.Conflict e) {
      return "redirect:/public/h/" + token;
    }
  }
}
