package org.epicommand.command.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.epicommand.command.DailyReportView;
import org.epicommand.command.DailyReporting;
import org.epicommand.command.ReportStatus;
import org.epicommand.command.ReportTemplate;
import org.epicommand.command.ReportTemplates;
import org.epicommand.command.Unit;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.SpreadsheetText;
import org.epicommand.shared.RecordNotFound;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/** Daily-report pages: filing (phone-friendly), the completeness matrix, the consolidated report and its XLSX. */
@Controller
@RequestMapping("/command/reports")
class DailyReportPageController {

  private final DailyReporting reporting;
  private final ReportTemplates templates;
  private final FormMessages forms;
  private final Clock clock;

  DailyReportPageController(DailyReporting reporting, ReportTemplates templates, FormMessages forms, Clock clock) {
    this.reporting = reporting;
    this.templates = templates;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  String matrix(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) UUID templateId, Model model) {
    LocalDate last = to == null ? LocalDate.now(clock).minusDays(1) : to;
    LocalDate first = from == null ? last.minusDays(13) : from;
    try {
      model.addAttribute("matrix", reporting.matrix(templateId, first, last));
    } catch (ValidationFailure e) {
      model.addAttribute("rangeError", forms.of(e).values().iterator().next());
      last = LocalDate.now(clock).minusDays(1);
      first = last.minusDays(13);
      model.addAttribute("matrix", reporting.matrix(templateId, first, last));
    }
    model.addAttribute("cells", cells((DailyReporting.Matrix) model.getAttribute("matrix")));
    model.addAttribute("from", first);
    model.addAttribute("to", last);
    model.addAttribute("template", reporting.template(templateId));
    model.addAttribute("templates", templates.list());
    return "command/report-matrix";
  }

  @GetMapping("/file")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  String fileForm(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) UUID templateId, Model model) {
    LocalDate day = date == null ? LocalDate.now(clock).minusDays(1) : date;
    Unit unit = null;
    try {
      unit = reporting.reportingUnitOfCaller(null);
    } catch (RecordNotFound e) {
      // no reporting unit: the page says so
    }
    // the unit's own template (of its kind, else the default) unless another one it owes is asked for
    ReportTemplate template = templateId != null || unit == null ? reporting.template(templateId) : templates.of(unit);
    model.addAttribute("date", day);
    model.addAttribute("template", template);
    model.addAttribute("deadline", day.plusDays(1) + " " + template.deadline());
    if (unit != null) {
      model.addAttribute("unit", unit);
      model.addAttribute("owed", templates.owedBy(unit));
      // the platform's own figures of the unit's division that day: the form starts from them
      Map<String, Long> figures = reporting.platformFigures(unit, template, day);
      model.addAttribute("figures", figures);
      model.addAttribute("platformKnows", figures.values().stream().anyMatch(v -> v > 0));
      try {
        model.addAttribute("filed", reporting.get(template.id(), unit.code(), day));
      } catch (RecordNotFound e) {
        // nothing filed yet
      }
    }
    return "command/report-file";
  }

  @PostMapping("/file")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  String file(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
    String date = form.get("date");
    UUID templateId = null;
    try {
      templateId = form.get("templateId") == null || form.get("templateId").isBlank() ? null
          : UUID.fromString(form.get("templateId"));
    } catch (IllegalArgumentException e) {
      throw new RecordNotFound("template");
    }
    ReportTemplate template = templateId == null ? templates.of(reporting.reportingUnitOfCaller(null))
        : reporting.template(templateId);
    boolean zero = "true".equals(form.get("zero"));
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (ReportTemplate.Field field : template.fields()) {
      String raw = form.getOrDefault("v_" + field.key(), "").strip();
      if (zero || raw.isEmpty()) {
        continue;
      }
      if (field.type().numeric()) {
        try {
          values.put(field.key(), new BigDecimal(raw));
        } catch (NumberFormatException e) {
          errors.put("values." + field.key(), forms.text("error.command.report."
              + (field.type() == ReportTemplate.FieldType.INTEGER ? "integer" : "decimal"), field.label()));
        }
      } else {
        values.put(field.key(), raw);
      }
    }
    LocalDate day = null;
    try {
      day = LocalDate.parse(date);
    } catch (RuntimeException e) {
      errors.put("date", forms.text("error.command.report.date"));
    }
    if (errors.isEmpty()) {
      try {
        DailyReportView view = reporting.submit(new DailyReporting.NewReport(template.id(), null, day, zero, values));
        redirect.addFlashAttribute("savedStatus", view.status());
        return "redirect:/command/reports/file?date=" + day + (templateId == null ? "" : "&templateId=" + templateId);
      } catch (ValidationFailure e) {
        errors.putAll(forms.of(e));
      } catch (Conflict e) {
        errors.put("date", forms.text("error." + e.code(), e.currentState()));
      }
    }
    model.addAttribute("errors", errors);
    model.addAttribute("form", form);
    return fileForm(day, templateId, model);
  }

  @GetMapping("/consolidated")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  String consolidated(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) UUID templateId, Model model) {
    LocalDate day = date == null ? LocalDate.now(clock).minusDays(1) : date;
    model.addAttribute("report", reporting.consolidated(templateId, day));
    model.addAttribute("templates", templates.list());
    return "command/report-consolidated";
  }

  /** The consolidated report as a workbook: title, status counts, one row per filed unit, and the city's totals last.
   * */
  @GetMapping("/consolidated.xlsx")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  ResponseEntity<byte[]> consolidatedXlsx(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) UUID templateId) {
    LocalDate day = date == null ? LocalDate.now(clock).minusDays(1) : date;
    DailyReporting.Consolidated report = reporting.consolidated(templateId, day);
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(day.toString());
      sheet.createRow(0).createCell(0).setCellValue(report.template().name() + " " + day);
      Row counts = sheet.createRow(1);
      int c = 0;
      for (var entry : report.counts().entrySet()) {
        counts.createCell(c++).setCellValue(forms.text("command.status." + entry.getKey()) + " " + entry.getValue());
      }
      Row header = sheet.createRow(2);
      header.createCell(0).setCellValue(forms.text("command.unit"));
      var fields = report.template().fields();
      for (int i = 0; i < fields.size(); i++) {
        header.createCell(i + 1).setCellValue(fields.get(i).label());
      }
      header.createCell(fields.size() + 1).setCellValue(forms.text("command.report.status"));
      int r = 3;
      for (DailyReportView unit : report.reports()) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(unit.unitName());
        for (int i = 0; i < fields.size(); i++) {
          Object value = unit.values().get(fields.get(i).key());
          Cell cell = row.createCell(i + 1);
          if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else if (value != null) {
            cell.setCellValue(SpreadsheetText.guarded(value.toString()));
          }
        }
        row.createCell(fields.size() + 1).setCellValue(forms.text("command.status." + unit.status()));
      }
      Row totals = sheet.createRow(r);
      totals.createCell(0).setCellValue(report.totalsKind() == null ? forms.text("command.report.cityTotal")
          : forms.text("command.report.totalsOf", forms.text("command.kind." + report.totalsKind())));
      for (int i = 0; i < fields.size(); i++) {
        BigDecimal total = report.totals().get(fields.get(i).key());
        if (total != null) {
          totals.createCell(i + 1).setCellValue(total.doubleValue());
        }
      }
      workbook.write(out);
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
              .filename("daily-report-" + day + ".xlsx", StandardCharsets.UTF_8).build().toString())
          .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
          .body(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Each row's cells as HTML, built here rather than cell by cell in the template: with 200 units ×
   * 30 days the per-cell expressions dominated the page time (CommandBenchmark). Only enum names and
   * bundle texts go in, escaped.
   */
  private java.util.List<String> cells(DailyReporting.Matrix matrix) {
    Map<ReportStatus, String> shortLabels = new java.util.EnumMap<>(ReportStatus.class);
    Map<ReportStatus, String> labels = new java.util.EnumMap<>(ReportStatus.class);
    for (ReportStatus status : ReportStatus.values()) {
      shortLabels.put(status, HtmlUtils.htmlEscape(forms.text("command.statusShort." + status)));
      labels.put(status, HtmlUtils.htmlEscape(forms.text("command.status." + status)));
    }
    java.util.List<String> days = matrix.days().stream().map(LocalDate::toString).toList();
    java.util.List<String> rows = new java.util.ArrayList<>(matrix.rows().size());
    for (DailyReporting.MatrixRow row : matrix.rows()) {
      StringBuilder html = new StringBuilder(row.statuses().size() * 64);
      for (int i = 0; i < row.statuses().size(); i++) {
        ReportStatus status = row.statuses().get(i);
        if (status == null) {
          // retired by that day: nothing owed
          html.append("<td class=\"status-NONE\" title=\"").append(days.get(i)).append("\">—</td>");
          continue;
        }
        html.append("<td class=\"status-").append(status.name()).append("\" title=\"").append(days.get(i))
            .append(' ').append(labels.get(status)).append("\">").append(shortLabels.get(status)).append("</td>");
      }
      rows.add(html.toString());
    }
    return rows;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem dailyReportFileNavigation() {
      return new NavigationItem(220, "/command/reports/file", "nav.reportFile", "UNIT_WORK", NavigationGroup.COMMAND);
    }

    @Bean
    NavigationItem dailyReportMatrixNavigation() {
      return new NavigationItem(230, "/command/reports", "nav.reportMatrix", "COMMAND_READ", NavigationGroup.COMMAND);
    }
  }
}
