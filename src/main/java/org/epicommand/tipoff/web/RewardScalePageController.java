package org.epicommand.tipoff.web;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tipoff.RewardScales;
import org.epicommand.tipoff.TipOff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reward scale per topic (奖励标准), the tip-off office's page: each topic's standard amount and ceiling. */
@Controller
@RequestMapping("/tipoff/rewards")
@PreAuthorize(TipOffApiController.MANAGE)
class RewardScalePageController {

  private final RewardScales scales;
  private final FormMessages forms;

  RewardScalePageController(RewardScales scales, FormMessages forms) {
    this.scales = scales;
    this.forms = forms;
  }

  @GetMapping
  String page(Model model) {
    Map<TipOff.Topic, RewardScales.Scale> byTopic = scales.list().stream()
        .collect(Collectors.toMap(RewardScales.Scale::topic, Function.identity()));
    model.addAttribute("topics", TipOff.Topic.values());
    model.addAttribute("scales", byTopic);
    return "tipoff/rewards";
  }

  @PostMapping("/{topic}")
  String set(@PathVariable String topic, @RequestParam(required = false) String amount,
      @RequestParam(required = false) String maxAmount, RedirectAttributes redirect) {
    return forms.run(redirect, "/tipoff/rewards", "tipoff.page.scaleSaved", () -> scales.set(RewardScales.topic(topic),
        new RewardScales.Change(yuan(amount, "amount"), yuan(maxAmount, "maxAmount"))));
  }

  @PostMapping("/{topic}/remove")
  String remove(@PathVariable String topic, RedirectAttributes redirect) {
    return forms.run(redirect, "/tipoff/rewards", "tipoff.page.scaleRemoved",
        () -> scales.remove(RewardScales.topic(topic)));
  }

  private static BigDecimal yuan(String text, String field) {
    try {
      return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new ValidationFailure(FieldProblem.of(field, "tipoff." + field));
    }
  }
}
