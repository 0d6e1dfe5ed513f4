package org.epicommand.analytics.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.analytics.EpiStatistics;
import org.epicommand.analytics.EpiStatistics.Basis;
import org.epicommand.analytics.Projections;
import org.epicommand.analytics.TransmissionDelays;
import org.epicommand.analytics.TransmissionDelays.DelaySummary;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The epidemic statistics page (curves, growth and doubling time, serial interval and incubation
 * period, Rt with a chosen serial interval) and the SEIR projection page. Both are plain GET forms:
 * every figure is computed on the server; static/js/analytics-epi.js only draws the charts.
 */
@Controller
@RequestMapping("/analytics")
@PreAuthorize("hasAuthority('DASHBOARD_READ')")
class EpiPageController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The projection form's number fields, in the order shown. */
  static final List<String> FIELDS = List.of("population", "r", "latentDays", "infectiousDays", "days",
      "interventionDay", "interventionR", "contactsPerCase", "quarantineDays", "hospitalShare", "stayDays",
      "initialExposed", "initialInfectious", "siMean", "siSd");

  private final EpiStatistics statistics;
  private final TransmissionDelays delays;
  private final Projections projections;
  private final org.epicommand.analytics.Dashboard dashboard;
  private final FormMessages forms;

  EpiPageController(EpiStatistics statistics, TransmissionDelays delays, Projections projections, FormMessages forms,
      org.epicommand.analytics.Dashboard dashboard) {
    this.dashboard = dashboard;
    this.statistics = statistics;
    this.delays = delays;
    this.projections = projections;
    this.forms = forms;
  }

  @GetMapping("/epi")
  String epi(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
      @RequestParam(required = false) String district, @RequestParam(required = false) Basis basis,
      @RequestParam(required = false) Double siMean, @RequestParam(required = false) Double siSd, Model model) {
    model.addAttribute("district", district);
    model.addAttribute("districts", statistics.districts());
    model.addAttribute("basis", basis == null ? Basis.REPORT : basis);
    if (!forms.model(model).letConflictsThrough().run(() -> {
      EpiStatistics.Curves curves = statistics.curves(from, to, district);
      model.addAttribute("curves", curves);
      model.addAttribute("curvesJson", JSON.writeValueAsString(curves));
      long cases = curves.byReport().total().stream().mapToLong(Long::longValue).sum();
      model.addAttribute("curveCases", cases);
      model.addAttribute("growth", statistics.growth(from, to == null ? null : to, basis, district));
    })) {
      model.addAttribute("from", from);
      model.addAttribute("to", to);
      return "analytics/epi";
    }
    DelaySummary si = delays.serialInterval();
    DelaySummary incubation = delays.incubationPeriod();
    model.addAttribute("si", si);
    model.addAttribute("incubation", incubation);
    model.addAttribute("delays", List.of(si, incubation));
    model.addAttribute("siJson", JSON.writeValueAsString(si));
    model.addAttribute("incubationJson", JSON.writeValueAsString(incubation));
    boolean empiricalUsable = si.mean() != null && si.sd() != null && si.mean() > 1 && si.sd() > 0;
    model.addAttribute("empiricalUsable", empiricalUsable);
    double mean = siMean != null ? siMean : empiricalUsable ? round(si.mean()) : 4.0;
    double sd = siSd != null ? siSd : empiricalUsable ? round(si.sd()) : 2.0;
    model.addAttribute("siMean", mean);
    model.addAttribute("siSd", sd);
    model.addAttribute("siSource", siMean != null ? "GIVEN" : empiricalUsable ? "EMPIRICAL" : "DEFAULT");
    forms.model(model).letConflictsThrough().run(() -> {
      List<EpiStatistics.RtPoint> rt = statistics.rt(from, to, district, mean, sd);
      model.addAttribute("rt", rt);
      model.addAttribute("rtJson", JSON.writeValueAsString(rt));
    });
    return "analytics/epi";
  }

  @GetMapping("/projection")
  String projection(Projections.Request asked, Model model) {
    // the first visit projects with R = 1.5 so that the page never opens empty-handed
    Double given = asked.r() == null && !Boolean.TRUE.equals(asked.useRt()) ? Double.valueOf(1.5) : asked.r();
    Projections.Request request = asked.withR(given);
    model.addAttribute("q", request);
    Map<String, Object> form = new LinkedHashMap<>();
    Object[] values = {request.population(), request.r(), request.latentDays(), request.infectiousDays(),
        request.days(), request.interventionDay(), request.interventionR(), request.contactsPerCase(),
        request.quarantineDays(), request.hospitalShare(), request.stayDays(), request.initialExposed(),
        request.initialInfectious(), request.siMean(), request.siSd()};
    for (int i = 0; i < FIELDS.size(); i++) {
      // 500000, not 500000.0
      form.put(FIELDS.get(i), values[i] instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
          ? Long.valueOf(d.longValue()) : values[i]);
    }
    model.addAttribute("form", form);
    model.addAttribute("fields", FIELDS);
    model.addAttribute("districts", statistics.districts());
    forms.model(model).letConflictsThrough().run(() -> {
      Projections.Projection projection = projections.project(request);
      model.addAttribute("p", projection);
      Map<String, Object> chart = new LinkedHashMap<>();
      chart.put("dates", projection.dates().stream().map(d -> d.toString().substring(5)).toList());
      chart.put("newCases", projection.newCases());
      chart.put("rooms", projection.quarantineRooms());
      chart.put("beds", projection.hospitalBeds());
      // the rooms the area has: the line the projected rooms must stay under
      chart.put("capacity", dashboard.rooms(projection.district()));
      model.addAttribute("chartJson", JSON.writeValueAsString(chart));
    });
    return "analytics/projection";
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem epiNavigation() {
      return new NavigationItem(11, "/analytics/epi", "nav.epi", "DASHBOARD_READ", NavigationGroup.ANALYTICS);
    }

    @Bean
    NavigationItem projectionNavigation() {
      return new NavigationItem(12, "/analytics/projection", "nav.projection", "DASHBOARD_READ",
          NavigationGroup.ANALYTICS);
    }
  }
}
