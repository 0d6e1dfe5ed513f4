package org.epicommand.labtest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.epicommand.labtest.CampaignDrills;
import org.epicommand.labtest.CampaignPlans;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/campaigns/{id}/plan}: points, samplers, tubes and lab capacity a campaign needs against what
 * there is; the sampling sites' readiness (drill). */
@RestController
@Tag(name = "Testing")
class CampaignPlanApiController {

  private final CampaignPlans plans;
  private final CampaignDrills drills;

  CampaignPlanApiController(CampaignPlans plans, CampaignDrills drills) {
    this.plans = plans;
    this.drills = drills;
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

  @Operation(summary = "Site readiness: the planned sampling sites open or not, the time since creation and, for a"
      + " drill, whether every site opened within the target (6 h)")
  @GetMapping("/api/v1/campaigns/{id}/readiness")
  @PreAuthorize("hasAuthority('TEST_READ')")
  CampaignDrills.Readiness readiness(@PathVariable UUID id) {
    return drills.readiness(id);
  }

  @Operation(summary = "A planned sampling site reports it is open for the campaign (once; again is 409)")
  @PostMapping("/api/v1/campaigns/{id}/sites/{code}/open")
  @PreAuthorize("hasAnyAuthority('CAMPAIGN_WRITE','LAB_SAMPLE_WRITE')")
  CampaignDrills.Readiness open(@PathVariable UUID id, @PathVariable String code) {
    return drills.open(id, code);
  }
}
