package org.epicommand.analytics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.analytics.Dashboard;
import org.epicommand.analytics.SituationReport;
import org.epicommand.analytics.SituationReport.Report;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.HtmlPdf;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The daily situation report (疫情形势分析报告): {@code /analytics/report?date=} as a page and
 * {@code /analytics/report.pdf?date=} as a PDF download (Chinese, CJK font and charts embedded).
 */
@Controller
@RequestMapping("/analytics")
@PreAuthorize("hasAuthority('REPORT_READ')")
class SituationReportPageController {

  static final List<String> REGIMES = List.of("CENTRALIZED", "HOME_ISOLATION", "HOME_MONITORING", "SELF_MONITORING",
      "HOSPITAL");

  private final SituationReport reports;
  private final HtmlPdf pdf;
  private final FormMessages forms;
  private final Clock clock;

  SituationReportPageController(SituationReport reports, HtmlPdf pdf, FormMessages forms, Clock clock) {
    this.reports = reports;
    this.pdf = pdf;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/report")
  String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Model model, HttpServletResponse response) {
    Report report;
    try {
      report = reports.of(date);
    } catch (ValidationFailure e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problem", forms.of(e).get("date"));
      report = reports.of(null);
    }
    model.addAllAttributes(variables(report));
    model.addAttribute("today", LocalDate.now(clock));
    return "analytics/report";
  }

  @GetMapping("/report.pdf")
  ResponseEntity<byte[]> pdf(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate date) {
    Report report;
    try {
      report = reports.of(date);
    } catch (ValidationFailure e) {
      return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
          .body(forms.of(e).get("date").getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = pdf.render("analytics/report-pdf", variables(report));
    ContentDisposition disposition = ContentDisposition.attachment()
        .filename("疫情形势分析报告-" + report.date() + ".pdf", StandardCharsets.UTF_8).build();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(bytes);
  }

  private static Map<String, Object> variables(Report report) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("report", report);
    variables.put("regimes", REGIMES);
    variables.put("curveDays", Dashboard.CURVE_DAYS);
    variables.put("minCases", SituationReport.RT_MIN_CASES);
    return variables;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem reportNavigation() {
      return new NavigationItem(11, "/analytics/report", "nav.situationReport", "REPORT_READ",
          NavigationGroup.ANALYTICS);
    }
  }
}
