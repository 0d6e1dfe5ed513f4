package org.epicommand.checklist.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.checklist.ChecklistItem;
import org.epicommand.checklist.ChecklistTemplate;
import org.epicommand.checklist.ChecklistTemplates;
import org.epicommand.checklist.EvidenceKind;
import org.epicommand.checklist.NewTemplate;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /checklists}: the templates with their items; the command office adds a new version of one
 * (the wording edited, items added or made blocking) or a new template. Versions are kept: what was
 * checked against an older one stays so.
 */
@Controller
@RequestMapping("/checklists")
@PreAuthorize("hasAnyAuthority('RESUMPTION_READ', 'RESUMPTION_DECIDE')")
class ChecklistPageController {

  /** Empty item rows the form offers for new items. */
  static final int NEW_ROWS = 3;

  private final ChecklistTemplates templates;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  ChecklistPageController(ChecklistTemplates templates, CurrentUser currentUser, FormMessages forms) {
    this.templates = templates;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("templates", templates.list(false));
    model.addAttribute("canManage", currentUser.get().has(Permission.RESUMPTION_DECIDE));
    return "checklist/list";
  }

  @GetMapping("/{code}")
  String template(@PathVariable String code, Model model) {
    ChecklistTemplate template = templates.latest(code);
    model.addAttribute("template", template);
    model.addAttribute("versions", templates.list(true).stream().filter(t -> t.code().equals(template.code()))
        .toList());
    if (!model.containsAttribute("form")) {
      form(model, form(template));
    }
    model.addAttribute("evidenceKinds", EvidenceKind.values());
    model.addAttribute("canManage", currentUser.get().has(Permission.RESUMPTION_DECIDE));
    return "checklist/template";
  }

  @GetMapping("/new")
  @PreAuthorize(ChecklistTemplateApiController.DECIDE)
  String newForm(Model model) {
    form(model, new NewTemplate("", "", "", rows(new ArrayList<>()), List.of(), null, false));
    model.addAttribute("evidenceKinds", EvidenceKind.values());
    model.addAttribute("canManage", true);
    return "checklist/template";
  }

  /** Adds a template or a version from the form: items as rows {@code itemCode/itemText/itemBlocking/itemEvidence}. */
  @PostMapping
  @PreAuthorize(ChecklistTemplateApiController.DECIDE)
  String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
    NewTemplate request = request(params);
    PageStep refusals = forms.model(model).sentence("problem", " ").errorsAs("errors").letConflictsThrough();
    return refusals.view(() -> {
      ChecklistTemplate created = templates.create(request);
      redirect.addFlashAttribute("notice", forms.text("checklist.saved", created.version()));
      return "redirect:/checklists/" + created.code();
    }, () -> {
      form(model, new NewTemplate(request.code(), request.name(), request.purpose(),
          rows(new ArrayList<>(request.items())), request.signOffs(), request.minMaskDays(), request.isolationRoom()));
      model.addAttribute("evidenceKinds", EvidenceKind.values());
      model.addAttribute("canManage", true);
      return "checklist/template";
    });
  }

  private static void form(Model model, NewTemplate form) {
    model.addAttribute("form", form);
    model.addAttribute("signOffsText", String.join("\n", form.signOffs()));
  }

  private static NewTemplate form(ChecklistTemplate t) {
    return new NewTemplate(t.code(), t.name(), t.purpose(), rows(new ArrayList<>(t.items())), t.signOffs(),
        t.minMaskDays(), t.isolationRoom());
  }

  private static List<ChecklistItem> rows(List<ChecklistItem> items) {
    for (int i = 0; i < NEW_ROWS; i++) {
      items.add(new ChecklistItem("", "", false, EvidenceKind.NONE));
    }
    return items;
  }

  private static NewTemplate request(MultiValueMap<String, String> p) {
    List<String> codes = p.getOrDefault("itemCode", List.of());
    List<String> texts = p.getOrDefault("itemText", List.of());
    List<String> evidence = p.getOrDefault("itemEvidence", List.of());
    List<String> blocking = p.getOrDefault("itemBlocking", List.of());
    List<ChecklistItem> items = new ArrayList<>();
    for (int row = 0; row < codes.size(); row++) {
      final int i = row;
      String code = codes.get(i);
      String text = i < texts.size() ? texts.get(i) : null;
      if ((code == null || code.isBlank()) && (text == null || text.isBlank())) {
        continue; // an empty row offered for a new item
      }
      EvidenceKind kind = java.util.Arrays.stream(EvidenceKind.values())
          .filter(k -> i < evidence.size() && k.name().equals(evidence.get(i))).findFirst().orElse(EvidenceKind.NONE);
      items.add(new ChecklistItem(code, text, blocking.contains(Integer.toString(i)), kind));
    }
    String signOffs = p.getFirst("signOffs");
    List<String> positions = signOffs == null ? List.of()
        : Arrays.stream(signOffs.split("[\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    String masks = p.getFirst("minMaskDays");
    Integer maskDays = null;
    if (masks != null && !masks.isBlank()) {
      try {
        maskDays = Integer.valueOf(masks.strip());
      } catch (NumberFormatException e) {
        maskDays = -1; // refused as out of range, on the field
      }
    }
    return new NewTemplate(p.getFirst("code"), p.getFirst("name"), p.getFirst("purpose"), items, positions, maskDays,
        "true".equals(p.getFirst("isolationRoom")));
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem checklistNavigation() {
      return new NavigationItem(672, "/checklists", "nav.checklists", "RESUMPTION_DECIDE", NavigationGroup.ENTERPRISE);
    }
  }
}
