package org.epicommand.supplies.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.supplies.CampaignSupplies;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A testing campaign's plan asks for its tubes and swabs ({@code /api/v1/campaigns/{id}/plan/supply-request}). */
@RestController
@Tag(name = "Supplies")
class CampaignSupplyApiController {

  private final CampaignSupplies supplies;

  CampaignSupplyApiController(CampaignSupplies supplies) {
    this.supplies = supplies;
  }

  @Operation(summary = "Requests the plan's tubes and swabs from the supplies module: one URGENT request, submitted;"
      + " 409 with existingId while the campaign's request is open, 409 naming a category the catalogue lacks")
  @PostMapping("/api/v1/campaigns/{id}/plan/supply-request")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(CampaignSupplyController.REQUEST)
  CampaignSupplies.Raised request(@PathVariable UUID id) {
    return supplies.request(id);
  }

  @Operation(summary = "The supply requests the campaign's plan raised, newest first, with their state now")
  @GetMapping("/api/v1/campaigns/{id}/plan/supply-requests")
  @PreAuthorize("hasAuthority('TEST_READ')")
  List<CampaignSupplies.Raised> raised(@PathVariable UUID id) {
    return supplies.raised(id);
  }
}
