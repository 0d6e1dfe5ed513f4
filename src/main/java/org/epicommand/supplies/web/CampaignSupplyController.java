package org.epicommand.supplies.web;

import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.platform.FormMessages;
import org.epicommand.supplies.CampaignSupplies;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Request supplies" from a testing campaign's plan on the campaign board: the part of the board that shows the
 * campaign's requests with the button (loaded into the board, which belongs to the testing module), and the button.
 */
@Controller
class CampaignSupplyController {

  static final String REQUEST = "hasAuthority('CAMPAIGN_WRITE') and hasAuthority('SUPPLIES_REQUEST')";

  private final CampaignSupplies supplies;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  CampaignSupplyController(CampaignSupplies supplies, CurrentUser currentUser, FormMessages forms) {
    this.supplies = supplies;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  /** The board's card part: the campaign's requests and the button. */
  @GetMapping("/supplies/campaigns/{id}/requests")
  @PreAuthorize("hasAuthority('TEST_READ')")
  String card(@PathVariable UUID id, Model model) {
    var user = currentUser.get();
    model.addAttribute("campaignId", id);
    model.addAttribute("supplyRequests", supplies.raised(id));
    model.addAttribute("canRequestSupplies", user.has(Permission.CAMPAIGN_WRITE)
        && user.has(Permission.SUPPLIES_REQUEST));
    return "supplies/campaign :: requests";
  }

  @PostMapping("/supplies/campaigns/{id}/requests")
  @PreAuthorize(REQUEST)
  String requestFromBoard(@PathVariable UUID id, RedirectAttributes redirect) {
    return forms.run(redirect, "/labtest/campaigns/" + id + "#plan", "labtest.plan.supplyRequested",
        () -> supplies.request(id));
  }
}
