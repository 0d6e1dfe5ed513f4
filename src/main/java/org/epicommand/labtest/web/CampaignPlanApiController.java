package org.epicommand.labtest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.epicommand.labtest.CampaignPlans;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/campaigns/{id}/plan}: points, samplers, tubes and lab capacity a campaign needs against what
 * there is. */
@RestController
@Tag(name = "Testing")
class CampaignPlanApiController {

  private final CampaignPlans plans;

  CampaignPlanApiController(CampaignPlans plans) {
    this.plans = plans;
  }

  @Operation(
      summary = "The campaign's plan: sampling points (residents ÷ 2,500), samplers (÷ 360), tubes, swabs and tubes a day against labs, reserve labs and registered sites; every ratio can be given")
  @GetMapping("/api/v1/campaigns/{id}/plan")
  @PreAuthorize("hasAuthority('TEST_READ')")
  CampaignPlans.Plan plan(@PathVariable UUID id, @RequestParam(required = false) Long residents,
      @RequestParam(required = false) Integer residentsPerPoint,
      @RequestParam(required = false) Integer residentsPerSampler, @RequestParam(required = false) Integer poolSize,
      @RequestParam(required = false) Boolean designatedArea, @RequestParam(required = false) Integer targetDays) {
    return plans.plan(id, residents, residentsPerPoint, residentsPerSampler, poolSize, designatedArea, targetDays);
  }
}
