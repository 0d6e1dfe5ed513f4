package org.epicommand.supervision.web;

import org.epicommand.platform.FormMessages;
import org.epicommand.shared.Paging;
import org.epicommand.supervision.Accountability;
import org.epicommand.supervision.ProblemRectification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The commander's scorecard with the overdue problems, and the public naming and good practices lists. */
@Controller
@RequestMapping("/supervision")
class ReportPageController {

  private final Accountability accountability;
  private final ProblemRectification rectification;

  ReportPageController(Accountability accountability, ProblemRectification rectification) {
    this.accountability = accountability;
    this.rectification = rectification;
  }

  @GetMapping("/scorecard")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  String scorecard(Model model) {
    model.addAttribute("rows", accountability.scorecard());
    model.addAttribute("overdueProblems", rectification.list(null, null, true, null, Paging.of(0, 100)));
    return "supervision/scorecard";
  }

  /** Readable by every signed-in user: names and units, never an identifier. */
  @GetMapping("/public-naming")
  String publicNaming(@RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, accountability.publicNaming(Paging.of(page, 20)));
    model.addAttribute("practices", accountability.goodPractices(Paging.of(0, 20)).items());
    return "supervision/public-naming";
  }
}
