package org.epicommand.command.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.epicommand.command.ReportTemplate;
import org.epicommand.command.ReportTemplates;
import org.epicommand.command.UnitKind;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
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
 * Daily-report templates: the list with each template's fields, deadline and the unit kinds that
 * file it; the command office creates and edits templates, makes one the default and assigns kinds.
 * Fields are typed one per line as {@code key|label|TYPE} (e.g. {@code newCases|新增病例|INTEGER}).
 */
@Controller
@RequestMapping("/command/reports/templates")
class ReportTemplatePageController {

  private final ReportTemplates templates;
  private final FormMessages forms;

  ReportTemplatePageController(ReportTemplates templates, FormMessages forms) {
    this.templates = templates;
    this.forms = forms;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  String templates(Model model) {
    List<ReportTemplate> all = templates.list();
    model.addAttribute("templates", all);
    model.addAttribute("types", ReportTemplate.FieldType.values());
    model.addAttribute("kinds", UnitKind.values());
    model.addAttribute("fieldLines", all.stream().collect(Collectors.toMap(t -> t.id().toString(),
        ReportTemplatePageController::lines)));
    return "command/report-templates";
  }

  @PostMapping
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String createTemplate(@RequestParam(required = false) String name, @RequestParam(required = false) String fields,
      @RequestParam(required = false) String deadline, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).conflictOn("name");
    return refusals.view(() -> {
      templates.create(new ReportTemplates.NewTemplate(name, parse(fields), deadline));
      redirect.addFlashAttribute("saved", true);
      return "redirect:/command/reports/templates";
    }, () -> {
      model.addAttribute("form", Map.of("name", name == null ? "" : name, "fields", fields == null ? "" : fields,
          "deadline", deadline == null ? "" : deadline));
      return templates(model);
    });
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String updateTemplate(@PathVariable UUID id, @RequestParam(required = false) String name,
      @RequestParam(required = false) String fields, @RequestParam(required = false) String deadline,
      RedirectAttributes redirect) {
    return outcome(id, () -> templates.update(id, new ReportTemplates.NewTemplate(name, parse(fields), deadline)),
        redirect);
  }

  @PostMapping("/{id}/default")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String makeDefault(@PathVariable UUID id, RedirectAttributes redirect) {
    return outcome(id, () -> templates.makeDefault(id), redirect);
  }

  @PostMapping("/{id}/retire")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String retire(@PathVariable UUID id, RedirectAttributes redirect) {
    return outcome(id, () -> templates.retire(id), redirect);
  }

  @PostMapping("/{id}/kinds")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  String assignKinds(@PathVariable UUID id, @RequestParam(name = "kinds", required = false) List<UnitKind> kinds,
      RedirectAttributes redirect) {
    return outcome(id, () -> templates.assignKinds(id, kinds == null ? List.of() : kinds), redirect);
  }

  /** Runs a change of one template and says how it went above that template. */
  private String outcome(UUID id, Runnable change, RedirectAttributes redirect) {
    if (!PageChanges.run(forms, redirect, "failure", change)) {
      redirect.addFlashAttribute("failed", id.toString());
    }
    return "redirect:/command/reports/templates";
  }

  private static String lines(ReportTemplate template) {
    return template.fields().stream().map(f -> f.key() + "|" + f.label() + "|" + f.type())
        .collect(Collectors.joining("\n"));
  }

  private static List<ReportTemplate.Field> parse(String fields) {
    List<ReportTemplate.Field> parsed = new ArrayList<>();
    for (String line : (fields == null ? "" : fields).split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("[|｜]", -1);
      ReportTemplate.FieldType type = null;
      if (parts.length == 3) {
        try {
          type = ReportTemplate.FieldType.valueOf(parts[2].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          // left null: reported as a field problem
        }
      }
      parsed.add(new ReportTemplate.Field(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null, type));
    }
    return parsed;
  }
}
