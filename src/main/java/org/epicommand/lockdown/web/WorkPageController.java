package org.epicommand.lockdown.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.lockdown.Manpower;
import org.epicommand.lockdown.OutingPasses;
import org.epicommand.lockdown.Post;
import org.epicommand.lockdown.Posts;
import org.epicommand.lockdown.SealedArea;
import org.epicommand.lockdown.SealedAreas;
import org.epicommand.lockdown.ServiceRequest;
import org.epicommand.lockdown.ServiceRequests;
import org.epicommand.lockdown.VulnerablePersons;
import org.epicommand.lockdown.Worker;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.DashboardTile;
import org.epicommand.shared.Paging;
import org.epicommand.shared.Tally;
import org.epicommand.shared.TypedDay;
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
 * The pages of the people on the ground: a post's phone page (check an outing pass: valid, expired
 * or invalid, let it out; check the shift in), the service requests to work off, the manpower pool
 * with its registration form, and the dashboard tile.
 */
@Controller
@RequestMapping("/lockdown")
@PreAuthorize("hasAuthority('MOVEMENT_READ')")
class WorkPageController {

  private final SealedAreas areas;
  private final Posts posts;
  private final Manpower manpower;
  private final ServiceRequests requests;
  private final OutingPasses passes;
  private final VulnerablePersons vulnerable;
  private final FormMessages forms;
  private final Clock clock;

  WorkPageController(SealedAreas areas, Posts posts, Manpower manpower, ServiceRequests requests, OutingPasses passes,
      VulnerablePersons vulnerable, FormMessages forms, Clock clock) {
    this.vulnerable = vulnerable;
    this.areas = areas;
    this.posts = posts;
    this.manpower = manpower;
    this.requests = requests;
    this.passes = passes;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/posts/{id}")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String post(@PathVariable UUID id, @RequestParam(required = false) String number, Model model,
      HttpServletResponse response) {
    Post post = posts.get(id);
    model.addAttribute("post", post);
    model.addAttribute("area", areas.get(post.areaId()));
    model.addAttribute("shifts", posts.shifts(post.areaId(), null).stream()
        .filter(s -> s.postId().equals(id)).toList());
    model.addAttribute("vulnerable", vulnerable.of(post.areaId(), false));
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("number", number == null ? "" : number);
    if (number != null) {
      forms.model(model).sentence("checkError", "；").letConflictsThrough().onInvalid(e -> response.setStatus(400))
          .get(() -> passes.check(id, number)).ifPresent(check -> model.addAttribute("check", check));
    }
    return "lockdown/post";
  }

  @PostMapping("/posts/{id}/outings")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String letOut(@PathVariable UUID id, @RequestParam(required = false) String number, RedirectAttributes redirect) {
    return forms.run(redirect, "/lockdown/posts/" + posts.get(id).id(), "lockdown.post.out",
        () -> passes.letOut(id, number));
  }

  @PostMapping("/posts/{id}/end")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String end(@PathVariable UUID id, RedirectAttributes redirect) {
    Post post = posts.get(id);
    return forms.run(redirect, "/lockdown/areas/" + post.areaId(), "lockdown.saved", () -> posts.end(id));
  }

  @PostMapping("/shifts/{id}/{move:check-in|cancel}")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String shift(@PathVariable UUID id, @PathVariable String move, @RequestParam(required = false) String back,
      RedirectAttributes redirect) {
    String target = back != null && back.matches("/lockdown/(posts|areas)/[0-9a-f-]{36}") ? back : "/lockdown";
    return forms.run(redirect, target, "lockdown.saved", () -> {
      if ("cancel".equals(move)) {
        posts.cancel(id);
      } else {
        posts.checkIn(id);
      }
    });
  }

  @GetMapping("/requests")
  String requests(@RequestParam(required = false) String state, @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, requests.list(null, state, Boolean.TRUE.equals(overdue), Paging.of(page, 50)));
    model.addAttribute("state", state == null ? "OPEN" : state);
    model.addAttribute("states", List.of("OPEN", "REQUESTED", "ASSIGNED", "DELIVERED", "REFERRED", "CANCELLED", "ALL"));
    model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
    model.addAttribute("volunteers", manpower.list(false).stream().filter(w -> w.username() != null).toList());
    model.addAttribute("zone", clock.getZone());
    return "lockdown/requests";
  }

  @PostMapping("/requests/{id}/{move:assign|close}")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String request(@PathVariable UUID id, @PathVariable String move,
      @RequestParam(required = false) ServiceRequest.State outcome, @RequestParam(required = false) String note,
      @RequestParam(required = false) String assignee, RedirectAttributes redirect) {
    return forms.run(redirect, "/lockdown/requests", "lockdown.saved", () -> {
      if ("assign".equals(move)) {
        requests.assign(id, new ServiceRequest.Assignment(assignee));
      } else {
        requests.close(id, new ServiceRequest.Outcome(outcome, note));
      }
    });
  }

  @GetMapping("/workers")
  String workers(Model model) {
    model.addAttribute("workers", manpower.list(true));
    model.addAttribute("sources", Worker.Source.values());
    model.addAttribute("today", LocalDate.now(clock));
    return "lockdown/workers";
  }

  @PostMapping("/workers")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String register(@RequestParam(required = false) String name, @RequestParam(required = false) String phone,
      @RequestParam(required = false) Worker.Source source, @RequestParam(required = false) String homeUnit,
      @RequestParam(required = false) String skills, @RequestParam(required = false) String availableFrom,
      @RequestParam(required = false) String availableTo, @RequestParam(required = false) String username,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/lockdown/workers", "lockdown.saved", () -> manpower.register(new Worker.New(name,
        phone, source, homeUnit, skills, day(availableFrom, "availableFrom"), day(availableTo, "availableTo"), null,
        username)));
  }

  /**
   * The dashboard tile: sealed areas, open and overdue requests, staffing gaps — of the district the
   * commander picked on the dashboard (all of the caller's jurisdiction without one; 404 outside).
   */
  @GetMapping("/widget")
  String widget(@RequestParam(required = false) String district, Model model) {
    List<SealedArea> active = areas.list(SealedArea.State.ACTIVE, district);
    long gaps = active.stream().mapToLong(SealedArea::gaps).sum();
    String suffix = district == null || district.isBlank() ? "" : "?district=" + district.strip();
    model.addAttribute("widgetId", "lockdown");
    model.addAttribute("titleKey", "lockdown.widget.title");
    model.addAttribute("cardHref", "/lockdown");
    model.addAttribute("tallies", List.of(
        new Tally("lockdown.widget.areas", active.size(), false, "/lockdown" + suffix),
        Tally.of("lockdown.widget.open", requests.listIn(district, "OPEN", false, Paging.of(0, Tally.CAP)),
            "/lockdown/requests"),
        Tally.of("lockdown.widget.overdue", requests.listIn(district, "OPEN", true, Paging.of(0, Tally.CAP)),
            "/lockdown/requests?overdue=true"),
        new Tally("lockdown.widget.gaps", gaps, false, "/lockdown" + suffix)));
    return "fragments/tally :: card";
  }

  private static LocalDate day(String value, String field) {
    return TypedDay.parse(value, field, "lockdown.required");
  }

  @Configuration(proxyBeanMethods = false)
  static class Widget {

    @Bean
    DashboardTile lockdownDashboardTile() {
      return new DashboardTile(60, "/lockdown/widget", "MOVEMENT_READ");
    }
  }
}
