package org.epicommand.vaccination.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.DashboardTile;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.Tally;
import org.epicommand.vaccination.AgeBand;
import org.epicommand.vaccination.CoverageMeasure;
import org.epicommand.vaccination.CoverageReport;
import org.epicommand.vaccination.CoverageTarget;
import org.epicommand.vaccination.TargetLists;
import org.epicommand.vaccination.VaccinationCoverage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coverage board ({@code /vaccination}): the area's coverage by age band as bars with the targets
 * drawn as lines, and a table of its divisions for one band, each share set against its target; the
 * home page's card of the same figures (and, for grid workers, their open door-to-door items).
 */
@Controller
class CoveragePageController {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** The bands of the chart: the six and 60+ (all ages from 3 is the table's choice). */
  private static final List<AgeBand> CHART = List.of(AgeBand.AGE_3_11, AgeBand.AGE_12_17, AgeBand.AGE_18_59,
      AgeBand.AGE_60_69, AgeBand.AGE_70_79, AgeBand.AGE_80_PLUS, AgeBand.AGE_60_PLUS);

  private final VaccinationCoverage coverage;
  private final TargetLists targets;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final java.time.Clock clock;

  CoveragePageController(VaccinationCoverage coverage, TargetLists targets, CurrentUser currentUser,
      FormMessages forms, java.time.Clock clock) {
    this.clock = clock;
    this.coverage = coverage;
    this.targets = targets;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping("/vaccination")
  @PreAuthorize("hasAnyAuthority('VACCINATION_READ', 'VACCINATION_ADMIN')")
  String board(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String level,
      @RequestParam(required = false) String ageBand, Model model) {
    AgeBand chosen = java.util.Arrays.stream(AgeBand.values()).filter(b -> b.name().equalsIgnoreCase(
        ageBand == null ? "" : ageBand.strip())).findFirst().orElse(AgeBand.AGE_60_PLUS);
    String band = chosen.name();
    CoverageReport area = coverage.area(jurisdiction);
    CoverageReport table;
    try {
      table = coverage.coverage(level, band, jurisdiction);
    } catch (org.epicommand.shared.ValidationFailure e) {
      model.addAttribute("problem", String.join("；", forms.of(e).values()));
      table = coverage.coverage(null, band, jurisdiction);
    }
    model.addAttribute("area", area);
    model.addAttribute("table", table);
    model.addAttribute("band", chosen);
    model.addAttribute("bands", AgeBand.values());
    model.addAttribute("measures", CoverageMeasure.values());
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("targetOf", targetsOf(area.targets()));
    model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction.strip());
    model.addAttribute("chart", JSON.writeValueAsString(chart(area)));
    model.addAttribute("canRecount", currentUser.get().has(Permission.VACCINATION_ADMIN));
    return "vaccination/coverage";
  }

  @PostMapping("/vaccination/residents")
  @PreAuthorize("hasAuthority('VACCINATION_ADMIN')")
  String recount(RedirectAttributes redirect) {
    VaccinationCoverage.Residents counted = coverage.recountResidents();
    redirect.addFlashAttribute("notice", forms.text("vaccination.coverage.recounted", counted.residents()));
    return "redirect:/vaccination";
  }

  /**
   * The home-page card and the dashboard tile: the area's (or the dashboard's district's) shares against
   * their targets, and the worker's open items.
   */
  @GetMapping("/vaccination/widget")
  @PreAuthorize("hasAuthority('VACCINATION_READ')")
  String widget(@RequestParam(required = false) String district, Model model) {
    CoverageReport area = coverage.area(district == null || district.isBlank() ? null : district.strip());
    List<Map<String, Object>> figures = new ArrayList<>();
    for (CoverageTarget t : area.targets()) {
      area.rows().stream().filter(r -> r.ageBand() == t.ageBand()).findFirst().ifPresent(row -> {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("band", t.ageBand());
        figure.put("measure", t.measure());
        figure.put("rate", row.rate(t.measure()));
        figure.put("target", t.percent());
        figure.put("met", row.rate(t.measure()) != null && row.rate(t.measure()) >= t.percent().doubleValue());
        figures.add(figure);
      });
    }
    model.addAttribute("figures", figures);
    if (currentUser.get().has(Permission.VACCINATION_VISIT)) {
      model.addAttribute("open", Tally.of("home.widget.vaccination.open", targets.mine(null, false,
          Paging.of(0, Tally.CAP)), "/vaccination/targets"));
    }
    return "vaccination/widget :: card";
  }

  /** Band → measure → target percent. */
  private static Map<AgeBand, Map<CoverageMeasure, Double>> targetsOf(List<CoverageTarget> targets) {
    Map<AgeBand, Map<CoverageMeasure, Double>> of = new LinkedHashMap<>();
    targets.forEach(t -> of.computeIfAbsent(t.ageBand(), b -> new LinkedHashMap<>())
        .put(t.measure(), t.percent().doubleValue()));
    return of;
  }

  /** The chart's data: band names, the three shares per band, and the targets per band (null: none). */
  private Map<String, Object> chart(CoverageReport area) {
    Map<AgeBand, Map<CoverageMeasure, Double>> of = targetsOf(area.targets());
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("bands", CHART.stream().map(b -> forms.text("vaccination.band." + b)).toList());
    List<Map<String, Object>> series = new ArrayList<>();
    for (CoverageMeasure m : CoverageMeasure.values()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", forms.text("vaccination.measure." + m));
      s.put("target", forms.text("vaccination.coverage.targetOf", forms.text("vaccination.measure." + m)));
      s.put("rates", CHART.stream().map(b -> area.rows().stream().filter(r -> r.ageBand() == b).findFirst()
          .map(r -> r.rate(m)).orElse(null)).toList());
      s.put("targets", CHART.stream().map(b -> of.getOrDefault(b, Map.of()).get(m)).toList());
      series.add(s);
    }
    chart.put("series", series);
    return chart;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem vaccinationCoverageNavigation() {
      return new NavigationItem(440, "/vaccination", "nav.vaccination.coverage", "VACCINATION_READ",
          NavigationGroup.VACCINATION);
    }

    @Bean
    HomeWidget vaccinationHomeWidget() {
      return new HomeWidget(55, "/vaccination/widget", "VACCINATION_READ");
    }

    @Bean
    DashboardTile vaccinationDashboardTile() {
      return new DashboardTile(30, "/vaccination/widget", "VACCINATION_READ");
    }
  }
}
