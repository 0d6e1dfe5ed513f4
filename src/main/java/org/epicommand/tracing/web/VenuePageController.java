package org.epicommand.tracing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.account.CurrentUser;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.Coordinates;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tracing.NewVenue;
import org.epicommand.tracing.Venue;
import org.epicommand.tracing.VenueType;
import org.epicommand.tracing.Venues;
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
 * Venue pages (场所码): the list of the caller's jurisdiction, searched by code or name and filtered
 * by division, type and state, paged; the form to register or correct a venue; retiring and
 * reactivating. The venue list of a city comes in by the {@code venues} import.
 */
@Controller
@RequestMapping("/tracing/venues")
@PreAuthorize("hasAuthority('CASE_READ')")
class VenuePageController {

  /** The form as typed, echoed back with the errors. */
  record VenueForm(String code, String name, String address, String type, String jurisdictionCode, String lat,
      String lon) {}

  private final Venues venues;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  VenuePageController(Venues venues, Jurisdictions jurisdictions, CurrentUser currentUser, FormMessages forms,
      Clock clock) {
    this.venues = venues;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String list(@RequestParam(required = false) String q, @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) VenueType type, @RequestParam(required = false) String state,
      @RequestParam(required = false) Integer page, Model model) {
    PageResult<Venue> venuesPage = venues.list(q, jurisdiction, type, VenueApiController.stateFilter(state),
        Paging.of(page, 20));
    model.addAttribute("q", q);
    model.addAttribute("jurisdiction", jurisdiction);
    model.addAttribute("type", type);
    model.addAttribute("state", state == null || state.isBlank() ? "ACTIVE" : state.strip()
        .toUpperCase(java.util.Locale.ROOT));
    model.addAttribute("types", VenueType.values());
    model.addAttribute("divisions", divisions());
    model.addAttribute("names", names(venuesPage.items()));
    FormMessages.pager(model, venuesPage);
    return "tracing/venues";
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String newVenue(Model model) {
    model.addAttribute("form", new VenueForm("", "", "", "", currentUser.get().jurisdictionCode(), "", ""));
    return form(model, null);
  }

  @PostMapping("/new")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String register(VenueForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    PageStep refusals = forms.model(model).conflictOn("code")
        .onConflict(e -> venues.find(form.code()).ifPresent(existing -> model.addAttribute("existing", existing)));
    return refusals.view(() -> {
      Venue venue = venues.register(toNewVenue(form));
      redirect.addFlashAttribute("saved", venue.name());
      return "redirect:/tracing/venues?q=" + venue.code() + "&state=ALL";
    }, () -> {
      response.setStatus(400);
      model.addAttribute("form", form);
      return form(model, null);
    });
  }

  @GetMapping("/{code}/edit")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String edit(@PathVariable String code, Model model) {
    Venue venue = venues.manageable(code);
    model.addAttribute("form", new VenueForm(venue.code(), venue.name(), venue.address(), venue.type().name(),
        venue.jurisdictionCode(), venue.lat() == null ? "" : venue.lat().toString(),
        venue.lon() == null ? "" : venue.lon().toString()));
    return form(model, venue);
  }

  @PostMapping("/{code}/edit")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String update(@PathVariable String code, VenueForm form, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    Venue venue = venues.manageable(code);
    PageStep refusals = forms.model(model).letConflictsThrough();
    return refusals.view(() -> {
      venues.update(venue.code(), toNewVenue(form));
      redirect.addFlashAttribute("saved", form.name().strip());
      return "redirect:/tracing/venues/" + venue.code() + "/edit";
    }, () -> {
      response.setStatus(400);
      model.addAttribute("form", form);
      return form(model, venue);
    });
  }

  @PostMapping("/{code}/retire")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String retire(@PathVariable String code, RedirectAttributes redirect) {
    return changeState(code, redirect, true);
  }

  @PostMapping("/{code}/reactivate")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String reactivate(@PathVariable String code, RedirectAttributes redirect) {
    return changeState(code, redirect, false);
  }

  private String changeState(String code, RedirectAttributes redirect, boolean retire) {
    Venue venue = venues.manageable(code);
    try {
      Venue changed = retire ? venues.retire(venue.code()) : venues.reactivate(venue.code());
      redirect.addFlashAttribute("stateChanged", changed.state().name());
    } catch (Conflict e) {
      redirect.addFlashAttribute("problem", forms.text("error." + e.code(), e.currentState()));
    }
    return "redirect:/tracing/venues/" + venue.code() + "/edit";
  }

  private String form(Model model, Venue venue) {
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    model.addAttribute("venue", venue);
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("types", VenueType.values());
    return "tracing/venue-form";
  }

  private static NewVenue toNewVenue(VenueForm form) {
    VenueType type = null;
    if (form.type() != null && !form.type().isBlank()) {
      try {
        type = VenueType.valueOf(form.type().strip());
      } catch (IllegalArgumentException e) {
        throw new ValidationFailure(FieldProblem.of("type", "tracing.venue.type"));
      }
    }
    return new NewVenue(form.code(), form.name(), form.address(), type, form.jurisdictionCode(),
        Coordinates.parse(form.lat()), Coordinates.parse(form.lon()));
  }

  /** The caller's home division and the divisions right below it: the filter's and the form's choices. */
  private List<Jurisdiction> divisions() {
    String home = currentUser.get().jurisdictionCode();
    List<Jurisdiction> divisions = new ArrayList<>();
    jurisdictions.find(home).ifPresent(divisions::add);
    divisions.addAll(jurisdictions.children(home));
    return divisions;
  }

  /** Division names of the venues shown, by code (names, not codes, on the page). */
  private Map<String, String> names(List<Venue> shown) {
    Map<String, String> names = new HashMap<>();
    shown.stream().map(Venue::jurisdictionCode).distinct().forEach(code ->
        jurisdictions.find(code).ifPresent(j -> names.put(code, j.name())));
    return names;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem venueNavigation() {
      return new NavigationItem(215, "/tracing/venues", "nav.venues", "CASE_READ", NavigationGroup.TRACING);
    }
  }
}
