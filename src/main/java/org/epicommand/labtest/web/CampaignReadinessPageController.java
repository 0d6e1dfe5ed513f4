package org.epicommand.labtest.web;

import java.util.UUID;
import org.epicommand.labtest.CampaignDrills;
import org.epicommand.platform.FormMessages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A planned sampling site reports open from the campaign board's readiness card; the board shows the outcome, or
 * the refusal as one sentence.
 */
@Controller
@RequestMapping("/labtest/campaigns/{id}")
class CampaignReadinessPageController {

  private final CampaignDrills drills;
  private final FormMessages forms;

  CampaignReadinessPageController(CampaignDrills drills, FormMessages forms) {
    this.drills = drills;
    this.forms = forms;
  }

  @PostMapping("/sites/{code}/open")
  @PreAuthorize("hasAnyAuthority('CAMPAIGN_WRITE','LAB_SAMPLE_WRITE')")
  String open(@PathVariable UUID id, @PathVariable String code, RedirectAttributes redirect) {
    return forms.run(redirect, "/labtest/campaigns/" + id + "#readiness", "labtest.drill.opened",
        () -> drills.open(id, code));
  }
}
