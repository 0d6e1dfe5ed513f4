package org.epicommand.checklist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.epicommand.checklist.ChecklistTemplate;
import org.epicommand.checklist.ChecklistTemplates;
import org.epicommand.checklist.NewTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/checklist-templates}: versioned checklist templates (configuration, no personal data:
 * every signed-in user reads them); the command office adds a template or the next version of one.
 */
@RestController
@RequestMapping("/api/v1/checklist-templates")
@Tag(name = "Checklists")
class ChecklistTemplateApiController {

  static final String DECIDE = "hasAuthority('RESUMPTION_DECIDE')";

  private final ChecklistTemplates templates;

  ChecklistTemplateApiController(ChecklistTemplates templates) {
    this.templates = templates;
  }

  @Operation(summary = "The latest version of every template (all=true: every version)")
  @GetMapping
  List<ChecklistTemplate> list(@RequestParam(required = false) Boolean all) {
    return templates.list(Boolean.TRUE.equals(all));
  }

  @Operation(summary = "The latest version of a template by its code")
  @GetMapping("/{code}")
  ChecklistTemplate get(@PathVariable String code) {
    return templates.latest(code);
  }

  @Operation(
      summary = "Adds a template, or the next version of an existing code: 400 naming the fields (items[i].text, signOffs[i])")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(DECIDE)
  ChecklistTemplate create(@RequestBody NewTemplate request) {
    return templates.create(request);
  }
}
