package org.epicommand.movement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.movement.Checkpoints;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.Conflict;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The command office corrects a checkpoint (name, kind, division, coordinates; the code stays),
 * retires it — it keeps its arrivals and passages and takes no new ones — or takes it back into use.
 * A checkpoint outside the caller's jurisdiction is 404.
 */
@Controller
@RequestMapping("/movement/checkpoints/{code}")
@PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
class CheckpointEditPageController {

  private final Checkpoints checkpoints;
  private final Jurisdictions jurisdictions;
  private final FormMessages forms;
  private final Clock clock;

  CheckpointEditPageController(Checkpoints checkpoints, Jurisdictions jurisdictions, FormMessages forms, Clock clock) {
    this.checkpoints = checkpoints;
    this.jurisdictions = jurisdictions;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/edit")
  String edit(@PathVariable String code, Model model) {
    Checkpoints.Checkpoint checkpoint = checkpoints.manageable(code);
    model.addAttribute("form", new CheckpointPageController.CheckpointForm(checkpoint.code(), checkpoint.name(),
        checkpoint.kind().name(), checkpoint.jurisdictionCode(), checkpoint.lat() == null ? "" : checkpoint.lat()
            .toString(),
        checkpoint.lon() == null ? "" : checkpoint.lon().toString()));
    return page(checkpoint, model);
  }

  @PostMapping("/edit")
  String update(@PathVariable String code, CheckpointPageController.CheckpointForm form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    Checkpoints.Checkpoint checkpoint = checkpoints.manageable(code);
    PageStep refusals = forms.model(model).letConflictsThrough();
    return refusals.view(() -> {
      checkpoints.update(checkpoint.code(), form.toNewCheckpoint());
      redirect.addFlashAttribute("saved", true);
      return "redirect:/movement/checkpoints/" + checkpoint.code() + "/edit";
    }, () -> {
      response.setStatus(400);
      model.addAttribute("form", form);
      return page(checkpoint, model);
    });
  }

  @PostMapping("/retire")
  String retire(@PathVariable String code, RedirectAttributes redirect) {
    return changeState(code, redirect, true);
  }

  @PostMapping("/reactivate")
  String reactivate(@PathVariable String code, RedirectAttributes redirect) {
    return changeState(code, redirect, false);
  }

  private String changeState(String code, RedirectAttributes redirect, boolean retire) {
    Checkpoints.Checkpoint checkpoint = checkpoints.manageable(code);
    try {
      Checkpoints.Checkpoint changed = retire ? checkpoints.retire(checkpoint.code())
          : checkpoints.reactivate(checkpoint.code());
      redirect.addFlashAttribute("stateChanged", changed.state().name());
    } catch (Conflict e) {
      redirect.addFlashAttribute("problem", forms.text("error." + e.code(), e.currentState()));
    }
    return "redirect:/movement/checkpoints/" + checkpoint.code() + "/edit";
  }

  private String page(Checkpoints.Checkpoint checkpoint, Model model) {
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    model.addAttribute("checkpoint", checkpoint);
    model.addAttribute("kinds", Checkpoints.Kind.values());
    model.addAttribute("names", CheckpointPageController.divisionNames(jurisdictions,
        List.of(checkpoint.jurisdictionCode())));
    model.addAttribute("zone", clock.getZone());
    return "movement/checkpoint-edit";
  }
}
