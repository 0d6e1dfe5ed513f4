package org.epicommand.lockdown.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.lockdown.Manpower;
import org.epicommand.lockdown.OutingPass;
import org.epicommand.lockdown.OutingPasses;
import org.epicommand.lockdown.Post;
import org.epicommand.lockdown.Posts;
import org.epicommand.lockdown.SealedArea;
import org.epicommand.lockdown.SealedAreas;
import org.epicommand.lockdown.ServiceRequest;
import org.epicommand.lockdown.ServiceRequests;
import org.epicommand.lockdown.VulnerablePerson;
import org.epicommand.lockdown.VulnerablePersons;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.TypedDay;
import org.epicommand.shared.ValidationFailure;
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
 * The sealed-area pages: the list of areas with the form to declare one, and an area's page — its
 * state and moves, posts and staffing gaps, shifts, open service requests and outing passes, each
 * with its form. Every change goes through the same facades as the API.
 */
@Controller
@RequestMapping("/lockdown")
@PreAuthorize("hasAuthority('MOVEMENT_READ')")
class AreaPageController {

  private final SealedAreas areas;
  private final Posts posts;
  private final Manpower manpower;
  private final ServiceRequests requests;
  private final OutingPasses passes;
  private final VulnerablePersons vulnerable;
  private final FormMessages forms;
  private final CurrentUser currentUser;
  private final Clock clock;

  AreaPageController(SealedAreas areas, Posts posts, Manpower manpower, ServiceRequests requests, OutingPasses passes,
      VulnerablePersons vulnerable, FormMessages forms, CurrentUser currentUser, Clock clock) {
    this.vulnerable = vulnerable;
    this.currentUser = currentUser;
    this.areas = areas;
    this.posts = posts;
    this.manpower = manpower;
    this.requests = requests;
    this.passes = passes;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("areas", areas.list(null));
    model.addAttribute("kinds", SealedArea.Kind.values());
    model.addAttribute("home", currentUser.get().jurisdictionCode());
    model.addAttribute("now", LocalDateTime.now(clock).withSecond(0).withNano(0));
    model.addAttribute("zone", clock.getZone());
    return "lockdown/areas";
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  String declare(@RequestParam(required = false) String name, @RequestParam(required = false) SealedArea.Kind kind,
      @RequestParam(required = false) String jurisdictionCode, @RequestParam(required = false) String buildings,
      @RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
      @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return forms.run(redirect, "/lockdown", "lockdown.saved", () -> areas.declare(new SealedArea.New(name, kind,
        jurisdictionCode, numbers(buildings), null, local(startsAt, "startsAt"), local(endsAt, "endsAt"), note)));
  }

  @GetMapping("/areas/{id}")
  String area(@PathVariable UUID id, Model model) {
    SealedArea area = areas.get(id);
    model.addAttribute("area", area);
    model.addAttribute("posts", posts.of(id));
    model.addAttribute("gaps", posts.gaps(id));
    model.addAttribute("shifts", posts.shifts(id, null));
    model.addAttribute("workers", manpower.list(false));
    model.addAttribute("requests", requests.list(id, "OPEN", false, Paging.of(0, 100)).items());
    model.addAttribute("passes", passes.of(id));
    model.addAttribute("vulnerable", vulnerable.of(id, false));
    model.addAttribute("categories", VulnerablePerson.Category.values());
    model.addAttribute("households", areas.households(id, 300));
    model.addAttribute("postKinds", Post.Kind.values());
    model.addAttribute("needs", ServiceRequest.Need.values());
    model.addAttribute("purposes", OutingPass.Purpose.values());
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("now", LocalDateTime.now(clock).withSecond(0).withNano(0));
    return "lockdown/area";
  }

  @PostMapping("/areas/{id}/{move:activate|lift|cancel}")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  String move(@PathVariable UUID id, @PathVariable String move, @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/lockdown/areas/" + id, "lockdown.saved", () -> {
      switch (move) {
        case "activate" -> areas.activate(id);
        case "lift" -> areas.lift(id, new SealedArea.Closing(reason));
        default -> areas.cancel(id, new SealedArea.Closing(reason));
      }
    });
  }

  @PostMapping("/areas/{id}/posts")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String openPost(@PathVariable UUID id, @RequestParam(required = false) Post.Kind kind,
      @RequestParam(required = false) String name, RedirectAttributes redirect) {
    return forms.run(redirect, "/lockdown/areas/" + id, "lockdown.saved",
        () -> posts.open(id, new Post.New(kind, name)));
  }

  @PostMapping("/areas/{id}/shifts")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String assign(@PathVariable UUID id, @RequestParam(required = false) UUID postId,
      @RequestParam(required = false) UUID workerId, @RequestParam(required = false) String startsAt,
      @RequestParam(required = false) String endsAt, RedirectAttributes redirect) {
    return forms.run(redirect, "/lockdown/areas/" + id, "lockdown.saved", () -> {
      if (postId == null) {
        throw new ValidationFailure(FieldProblem.of("postId", "lockdown.required"));
      }
      posts.assign(postId, new Post.NewShift(workerId, local(startsAt, "startsAt"), local(endsAt, "endsAt")));
    });
  }

  @PostMapping("/areas/{id}/requests")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String request(@PathVariable UUID id, @RequestParam(required = false) UUID householdId,
      @RequestParam(required = false) ServiceRequest.Need need, @RequestParam(required = false) String detail,
      @RequestParam(required = false) String phone, RedirectAttributes redirect) {
    return forms.run(redirect, "/lockdown/areas/" + id, "lockdown.saved",
        () -> requests.request(id, new ServiceRequest.New(householdId, need, detail, phone)));
  }

  @PostMapping("/areas/{id}/passes")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String issue(@PathVariable UUID id, @RequestParam(required = false) UUID householdId,
      @RequestParam(required = false) OutingPass.Purpose purpose, @RequestParam(required = false) String validFrom,
      @RequestParam(required = false) String validTo, @RequestParam(required = false) Integer outings,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/lockdown/areas/" + id, "lockdown.saved", () -> passes.issue(id,
        new OutingPass.New(householdId, purpose, day(validFrom, "validFrom"), day(validTo, "validTo"), outings)));
  }

  @PostMapping("/areas/{id}/vulnerable")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String addVulnerable(@PathVariable UUID id, @RequestParam(required = false) UUID householdId,
      @RequestParam(required = false) String name, @RequestParam(required = false) VulnerablePerson.Category category,
      @RequestParam(required = false) String note, @RequestParam(required = false) String phone,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/lockdown/areas/" + id, "lockdown.saved",
        () -> vulnerable.register(id, new VulnerablePerson.New(householdId, name, category, note, phone)));
  }

  @PostMapping("/vulnerable/{id}/remove")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String removeVulnerable(@PathVariable UUID id, RedirectAttributes redirect) {
    return forms.run(redirect, "/lockdown/areas/" + vulnerable.get(id).areaId(), "lockdown.saved",
        () -> vulnerable.remove(id));
  }

  /** A {@code datetime-local} value in the city's zone; null when empty; unreadable: a field error. */
  private OffsetDateTime local(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(clock.getZone()).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new ValidationFailure(FieldProblem.of(field, "lockdown.required"));
    }
  }

  private static LocalDate day(String value, String field) {
    return TypedDay.parse(value, field, "lockdown.required");
  }

  /** Building numbers as typed: "3, 5 7". */
  private static List<Integer> numbers(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      return Arrays.stream(text.strip().split("[\\s,，、]+")).map(Integer::valueOf).toList();
    } catch (NumberFormatException e) {
      throw new ValidationFailure(FieldProblem.of("buildings", "lockdown.area.buildings"));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem lockdownNavigation() {
      return new NavigationItem(535, "/lockdown", "nav.lockdown", "MOVEMENT_READ", NavigationGroup.MOVEMENT);
    }

    @Bean
    NavigationItem lockdownRequestsNavigation() {
      return new NavigationItem(536, "/lockdown/requests", "nav.lockdown.requests", "MOVEMENT_READ",
          NavigationGroup.MOVEMENT);
    }

    @Bean
    NavigationItem lockdownWorkersNavigation() {
      return new NavigationItem(537, "/lockdown/workers", "nav.lockdown.workers", "MOVEMENT_READ",
          NavigationGroup.MOVEMENT);
    }
  }
}
