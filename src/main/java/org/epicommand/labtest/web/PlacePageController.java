package org.epicommand.labtest.web;

import java.util.ArrayList;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.labtest.CampaignBoard;
import org.epicommand.labtest.Laboratories;
import org.epicommand.labtest.Laboratory;
import org.epicommand.labtest.LaboratoryDetails;
import org.epicommand.labtest.SamplingSite;
import org.epicommand.labtest.SamplingSiteDetails;
import org.epicommand.labtest.SamplingSites;
import org.epicommand.labtest.internal.PlaceCells;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
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
 * The pages where owners keep sampling sites ({@code /labtest/sampling-sites}) and labs
 * ({@code /labtest/labs}): the list with filters, a form to create one, a record's page with its
 * correction form and the retire / back-in-service button. The division is picked by name from those
 * of the owner's jurisdiction. Everyone who works with tests reads; {@code LAB_ADMIN} changes.
 */
@Controller
@RequestMapping("/labtest/{kind:sampling-sites|labs}")
@PreAuthorize(PlaceApiController.READ)
class PlacePageController {

  static final String SITES = "sampling-sites";
  /** Divisions offered by name at most; beyond, the form asks for a division code. */

  /** The form's fields as typed, echoed back when there are errors. */
  record PlaceForm(String code, String name, String jurisdictionCode, String address, String contactName,
      String contactPhone, String capacityPerDay, String samplers, String openingHours, String reserve,
      String mobile, String latitude, String longitude) {

    static PlaceForm empty(String jurisdictionCode) {
      return new PlaceForm("", "", jurisdictionCode, "", "", "", "", "", "", null, null, "", "");
    }

    static PlaceForm of(SamplingSite s) {
      return new PlaceForm(s.code(), s.name(), s.jurisdictionCode(), s.address(), s.contactName(), s.contactPhone(),
          text(s.capacityPerDay()), text(s.samplers()), s.openingHours(), null, null, text(s.latitude()),
          text(s.longitude()));
    }

    static PlaceForm of(Laboratory l) {
      return new PlaceForm(l.code(), l.name(), l.jurisdictionCode(), l.address(), l.contactName(), l.contactPhone(),
          text(l.capacityPerDay()), "", "", Boolean.toString(l.reserve()), Boolean.toString(l.mobile()),
          text(l.latitude()), text(l.longitude()));
    }

    private static String text(Object value) {
      return value == null ? "" : value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
          : value.toString();
    }

    SamplingSiteDetails site() {
      List<FieldProblem> problems = new ArrayList<>();
      SamplingSiteDetails details = new SamplingSiteDetails(code, name, jurisdictionCode, address, contactName,
          contactPhone, PlaceCells.count(capacityPerDay, "capacityPerDay", problems),
          PlaceCells.count(samplers, "samplers", problems), openingHours,
          PlaceCells.degrees(latitude, "latitude", problems), PlaceCells.degrees(longitude, "longitude", problems));
      return parsed(details, problems);
    }

    LaboratoryDetails lab() {
      List<FieldProblem> problems = new ArrayList<>();
      LaboratoryDetails details = new LaboratoryDetails(code, name, jurisdictionCode, address, contactName,
          contactPhone, PlaceCells.count(capacityPerDay, "capacityPerDay", problems),
          PlaceCells.flag(reserve, "reserve", problems), PlaceCells.flag(mobile, "mobile", problems),
          PlaceCells.degrees(latitude, "latitude", problems), PlaceCells.degrees(longitude, "longitude", problems));
      return parsed(details, problems);
    }

    private static <T> T parsed(T details, List<FieldProblem> problems) {
      if (!problems.isEmpty()) {
        throw new ValidationFailure(problems);
      }
      return details;
    }
  }

  private final SamplingSites sites;
  private final Laboratories labs;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final CampaignBoard board;

  PlacePageController(SamplingSites sites, Laboratories labs, CurrentUser currentUser,
      FormMessages forms, CampaignBoard board) {
    this.board = board;
    this.sites = sites;
    this.labs = labs;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  String list(@PathVariable String kind, @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String status, @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page, Model model) {
    Boolean active = "RETIRED".equals(status) ? Boolean.FALSE : "ALL".equals(status) ? null : Boolean.TRUE;
    Paging paging = Paging.of(page == null ? null : Math.max(page, 0), 30);
    FormMessages.pager(model, SITES.equals(kind) ? sites.list(jurisdiction, active, q, paging)
        : labs.list(jurisdiction, active, q, paging));
    model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction.strip());
    model.addAttribute("status", active == null ? "ALL" : active ? "ACTIVE" : "RETIRED");
    model.addAttribute("q", q == null ? "" : q.strip());
    if (!SITES.equals(kind)) {
      // the labs' turnaround at the lab (receipt → result) over the last day, with the 12-hour alert
      model.addAttribute("turnaround", board.recentTurnaround(24));
      model.addAttribute("alertHours", board.turnaroundAlertHours());
    }
    return common(kind, model, "labtest/places");
  }

  @GetMapping("/new")
  @PreAuthorize(PlaceApiController.ADMIN)
  String newForm(@PathVariable String kind, Model model) {
    model.addAttribute("form", PlaceForm.empty(""));
    return common(kind, model, "labtest/place");
  }

  @PostMapping
  @PreAuthorize(PlaceApiController.ADMIN)
  String create(@PathVariable String kind, PlaceForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).conflictOn("code")
        .onConflict(e -> model.addAttribute("existing", e.existingId()));
    return refusals.view(() -> {
      String code = SITES.equals(kind) ? sites.create(form.site()).code() : labs.create(form.lab()).code();
      redirect.addFlashAttribute("notice", forms.text("labtest.place.created"));
      return "redirect:/labtest/" + kind + "/" + code;
    }, () -> {
      model.addAttribute("form", form);
      return common(kind, model, "labtest/place");
    });
  }

  @GetMapping("/{code}")
  String record(@PathVariable String kind, @PathVariable String code, Model model) {
    if (SITES.equals(kind)) {
      SamplingSite site = sites.get(code);
      model.addAttribute("record", site);
      model.addAttribute("form", model.containsAttribute("form") ? model.getAttribute("form") : PlaceForm.of(site));
    } else {
      Laboratory lab = labs.get(code);
      model.addAttribute("record", lab);
      model.addAttribute("form", model.containsAttribute("form") ? model.getAttribute("form") : PlaceForm.of(lab));
    }
    return common(kind, model, "labtest/place");
  }

  @PostMapping("/{code}")
  @PreAuthorize(PlaceApiController.ADMIN)
  String update(@PathVariable String kind, @PathVariable String code, PlaceForm form, Model model,
      RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).letConflictsThrough();
    return refusals.view(() -> {
      if (SITES.equals(kind)) {
        sites.update(code, form.site());
      } else {
        labs.update(code, form.lab());
      }
      redirect.addFlashAttribute("notice", forms.text("labtest.place.saved"));
      return "redirect:/labtest/" + kind + "/" + code;
    }, () -> {
      model.addAttribute("form", form);
      return record(kind, code, model);
    });
  }

  @PostMapping("/{code}/retire")
  @PreAuthorize(PlaceApiController.ADMIN)
  String retire(@PathVariable String kind, @PathVariable String code, RedirectAttributes redirect) {
    return step(kind, code, redirect, "labtest.place.retired", () -> sites.retire(code), () -> labs.retire(code));
  }

  @PostMapping("/{code}/reactivate")
  @PreAuthorize(PlaceApiController.ADMIN)
  String reactivate(@PathVariable String kind, @PathVariable String code, RedirectAttributes redirect) {
    return step(kind, code, redirect, "labtest.place.reactivated", () -> sites.reactivate(code),
        () -> labs.reactivate(code));
  }

  /** Runs a state move of a site or a lab: a notice on success, the 409 said on the record's page. */
  private String step(String kind, String code, RedirectAttributes redirect, String notice, Runnable siteMove,
      Runnable labMove) {
    try {
      (SITES.equals(kind) ? siteMove : labMove).run();
      redirect.addFlashAttribute("notice", forms.text(notice));
    } catch (Conflict e) {
      redirect.addFlashAttribute("problem", forms.text("error." + e.code()));
    }
    return "redirect:/labtest/" + kind + "/" + code;
  }

  private String common(String kind, Model model, String view) {
    var user = currentUser.get();
    model.addAttribute("kind", kind);
    model.addAttribute("isSite", SITES.equals(kind));
    model.addAttribute("canManage", user.has(Permission.LAB_ADMIN));
    return view;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem placesNavigation() {
      return new NavigationItem(430, "/labtest/sampling-sites", "nav.labtest.places", "LAB_ADMIN",
          NavigationGroup.LABTEST);
    }
  }
}
