package org.epicommand.quarantine.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.checklist.Outcome;
import org.epicommand.quarantine.HealthChecks;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.quarantine.QuarantineRoom;
import org.epicommand.quarantine.QuarantineSite;
import org.epicommand.quarantine.QuarantineSites;
import org.epicommand.quarantine.RoomState;
import org.epicommand.quarantine.SiteActivation;
import org.epicommand.quarantine.SiteKind;
import org.epicommand.quarantine.SiteStaff;
import org.epicommand.quarantine.SiteStatus;
import org.epicommand.quarantine.internal.SiteReadiness;
import org.epicommand.quarantine.SiteStays;
import org.epicommand.quarantine.Symptom;
import org.epicommand.shared.Coordinates;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Paging;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Sites: the list with room counts and the capacity standard per district (with its chart), adding
 * sites and rooms; one site as a grid of rooms where a site manager on a phone checks waiting persons
 * in, frees disinfected rooms and records health checks for occupants; the site's correction form and
 * its retire / back-in-service button (a retired site shows its history and takes nobody new).
 */
@Controller
@RequestMapping("/quarantine")
@PreAuthorize("hasAuthority('QUARANTINE_READ')")
class SitePageController implements QuarantinePages.Page {

  record SiteForm(String code, String name, String address, String jurisdictionCode, String contactName,
      String contactPhone, String capacityNotes, String lat, String lon, SiteKind kind, String owner,
      String activationLeadHours, SiteStatus status) {

    static SiteForm empty() {
      return new SiteForm("", "", "", "", "", "", "", "", "", SiteKind.OTHER, "",
          Integer.toString(QuarantineSites.DEFAULT_LEAD_HOURS), SiteStatus.ACTIVE);
    }

    static SiteForm of(QuarantineSite site) {
      return new SiteForm(site.code(), site.name(), site.address(), site.jurisdictionCode(), site.contactName(),
          site.contactPhone(), site.capacityNotes(), site.lat() == null ? null : site.lat().toString(),
          site.lon() == null ? null : site.lon().toString(), site.kind(), site.owner(),
          Integer.toString(site.activationLeadHours()), null);
    }

    QuarantineSites.NewSite site() {
      Integer lead;
      try {
        lead = activationLeadHours == null || activationLeadHours.isBlank() ? null
            : Integer.valueOf(activationLeadHours.strip());
      } catch (NumberFormatException e) {
        lead = -1;
      }
      return new QuarantineSites.NewSite(code, name, OrderPageController.blankToNull(address), jurisdictionCode,
          OrderPageController.blankToNull(contactName), OrderPageController.blankToNull(contactPhone),
          OrderPageController.blankToNull(capacityNotes), Coordinates.parse(lat), Coordinates.parse(lon), kind,
          OrderPageController.blankToNull(owner), lead, status);
    }
  }

  /** Divisions offered by name at most in the site forms; beyond, the form asks for a code. */

  /** Rooms as typed: a range {@code from}…{@code to} or a list of numbers separated by commas or spaces. */
  record RoomsForm(String zone, String from, String to, String numbers) {

    List<String> expand() {
      if (numbers != null && !numbers.isBlank()) {
        return List.of(numbers.strip().split("[\\s,，、]+"));
      }
      try {
        int first = Integer.parseInt(from == null ? "" : from.strip());
        int last = Integer.parseInt(to == null ? "" : to.strip());
        if (first < 0 || last < first || last - first >= 2_000) {
          throw new NumberFormatException();
        }
        List<String> expanded = new ArrayList<>();
        for (int n = first; n <= last; n++) {
          expanded.add(Integer.toString(n));
        }
        return expanded;
      } catch (NumberFormatException e) {
        throw new ValidationFailure(FieldProblem.of("numbers", "quarantine.room.numbers", 2_000));
      }
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final QuarantineSites sites;
  private final QuarantineOrders orders;
  private final SiteStays stays;
  private final HealthChecks checks;
  private final QuarantinePages pages;
  private final CurrentUser currentUser;
  private final SiteStaff staff;
  private final SiteActivation activation;

  SitePageController(QuarantineSites sites, QuarantineOrders orders, SiteStays stays, HealthChecks checks,
      QuarantinePages pages, CurrentUser currentUser, SiteStaff staff, SiteActivation activation) {
    this.activation = activation;
    this.staff = staff;
    this.currentUser = currentUser;
    this.sites = sites;
    this.orders = orders;
    this.stays = stays;
    this.checks = checks;
    this.pages = pages;
  }

  @GetMapping("/sites")
  String list(Model model) {
    List<QuarantineSites.DistrictCapacity> capacity = sites.capacity();
    model.addAttribute("sites", sites.list());
    model.addAttribute("capacity", capacity);
    model.addAttribute("roomStates", RoomState.values());
    model.addAttribute("standard", QuarantineSites.ROOMS_PER_10_000);
    model.addAttribute("siteKinds", SiteKind.values());
    model.addAttribute("chart", chart(capacity));
    if (!model.containsAttribute("siteForm")) {
      model.addAttribute("siteForm", SiteForm.empty());
    }
    return "quarantine/sites";
  }

  /** What the capacity chart draws (names, rooms, required), handed to quarantine.js in a data attribute. */
  private String chart(List<QuarantineSites.DistrictCapacity> capacity) {
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("names", capacity.stream().map(QuarantineSites.DistrictCapacity::name).toList());
    chart.put("rooms", capacity.stream().map(QuarantineSites.DistrictCapacity::rooms).toList());
    chart.put("required", capacity.stream().map(QuarantineSites.DistrictCapacity::required).toList());
    chart.put("roomsLabel", pages.text("qp.capacity.rooms"));
    chart.put("requiredLabel", pages.text("qp.capacity.required"));
    return JSON.writeValueAsString(chart);
  }

  @PostMapping("/sites")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String create(SiteForm form, RedirectAttributes redirect) {
    String[] created = new String[1];
    String target = pages.run(redirect, "/quarantine/sites", "qp.site.created",
        () -> created[0] = sites.create(form.site()).id());
    if (created[0] == null) {
      redirect.addFlashAttribute("siteForm", form);
      return target;
    }
    return "redirect:/quarantine/sites/" + created[0];
  }

  @GetMapping("/sites/{id}")
  String site(@PathVariable UUID id, Model model) {
    QuarantineSite site = sites.site(id);
    List<QuarantineRoom> rooms = sites.rooms(id, null).stream()
        .sorted(Comparator.comparing(QuarantineRoom::zone).thenComparing(SitePageController::roomOrder)).toList();
    model.addAttribute("site", site);
    model.addAttribute("rooms", rooms);
    model.addAttribute("freeRooms", rooms.stream().filter(r -> r.state() == RoomState.FREE).toList());
    model.addAttribute("waiting", orders.list(null, OrderState.PENDING_TRANSFER, Paging.of(0, 200)).items());
    // a site manager works at their own sites: elsewhere the page shows the rooms, not the work
    model.addAttribute("worksHere", staff.worksAt(id));
    model.addAttribute("roomStates", RoomState.values());
    model.addAttribute("symptoms", Symptom.values());
    model.addAttribute("standard", activation.standard(id));
    model.addAttribute("moves", SiteReadiness.movesFrom(site.status()));
    if (!model.containsAttribute("siteForm")) {
      model.addAttribute("siteForm", SiteForm.of(site));
    }
    return "quarantine/site";
  }


  @PostMapping("/sites/{id}")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String update(@PathVariable UUID id, SiteForm form, RedirectAttributes redirect) {
    boolean[] saved = new boolean[1];
    String target = pages.run(redirect, "/quarantine/sites/" + id, "qp.site.saved", () -> {
      sites.update(id, form.site());
      saved[0] = true;
    });
    if (!saved[0]) {
      redirect.addFlashAttribute("siteForm", form);
    }
    return target;
  }

  @PostMapping("/sites/{id}/retire")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String retire(@PathVariable UUID id, RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/sites/" + id, "qp.site.retired", () -> sites.retire(id));
  }

  @PostMapping("/sites/{id}/status")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String status(@PathVariable UUID id, @RequestParam(required = false) SiteStatus status,
      RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/sites/" + id, "qp.readiness.moved", () -> activation.moveTo(id, status));
  }

  @PostMapping("/sites/{id}/standard/{item}")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String standardItem(@PathVariable UUID id, @PathVariable String item,
      @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) String note,
      @RequestParam(defaultValue = "false") boolean raiseProblem, RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/sites/" + id, "qp.readiness.itemRecorded",
        () -> activation.record(id, item, outcome, note, raiseProblem));
  }

  @PostMapping("/sites/{id}/reactivate")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/sites/" + id, "qp.site.reactivated", () -> sites.reactivate(id));
  }

  /** Numeric room numbers in numeric order (9 before 10), others after them as text. */
  private static String roomOrder(QuarantineRoom room) {
    String number = room.number();
    return number.matches("\\d{1,12}") ? String.format("%012d", Long.parseLong(number)) : "~" + number;
  }

  @PostMapping("/sites/{id}/rooms")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String addRooms(@PathVariable UUID id, RoomsForm form, RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/sites/" + id, "qp.rooms.added",
        () -> sites.addRooms(id, OrderPageController.blankToNull(form.zone()), form.expand()));
  }

  @PostMapping("/sites/{id}/check-in")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String checkIn(@PathVariable UUID id, @RequestParam(required = false) UUID orderId,
      @RequestParam(required = false) UUID roomId, RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/sites/" + id, "qp.checkIn.done", () -> {
      if (orderId == null) {
        throw new ValidationFailure(FieldProblem.of("orderId", "required"));
      }
      stays.checkIn(orderId, roomId);
    });
  }

  @PostMapping("/sites/{id}/rooms/{roomId}/state")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String roomState(@PathVariable UUID id, @PathVariable UUID roomId, @RequestParam(required = false) RoomState state,
      RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/sites/" + id, "qp.room.updated", () -> sites.setRoomState(roomId, state));
  }

  @PostMapping("/sites/{id}/health-checks")
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  String healthCheck(@PathVariable UUID id, HealthCheckForm form, RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/sites/" + id, "qp.health.recorded", () -> {
      if (form.order() == null) {
        throw new ValidationFailure(FieldProblem.of("orderId", "required"));
      }
      checks.recordByStaff(form.order(), form.parsedTemperature(), form.ticked());
    });
  }
}
