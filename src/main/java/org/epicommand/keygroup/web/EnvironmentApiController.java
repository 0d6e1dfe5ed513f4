package org.epicommand.keygroup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.keygroup.EnvPlan;
import org.epicommand.keygroup.EnvResult;
import org.epicommand.keygroup.EnvSample;
import org.epicommand.keygroup.EnvSite;
import org.epicommand.keygroup.EnvironmentFollowUps;
import org.epicommand.keygroup.EnvironmentPlans;
import org.epicommand.keygroup.EnvironmentSamples;
import org.epicommand.keygroup.FollowUp;
import org.epicommand.keygroup.FollowUpStep;
import org.epicommand.keygroup.NewEnvPlan;
import org.epicommand.keygroup.NewEnvSample;
import org.epicommand.keygroup.NewEnvSite;
import org.epicommand.keygroup.SiteDue;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
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

/** {@code /api/v1/environment}: monitoring sites, environmental samples and results, follow-ups of positives. */
@RestController
@RequestMapping("/api/v1/environment")
@Tag(name = "Key groups")
class EnvironmentApiController {

  static final String READ = "hasAnyAuthority('KEYGROUP_READ', 'ENVIRONMENT_WRITE')";
  static final String WRITE = "hasAuthority('ENVIRONMENT_WRITE')";

  private final EnvironmentSamples samples;
  private final EnvironmentFollowUps followUps;
  private final EnvironmentPlans plans;

  EnvironmentApiController(EnvironmentSamples samples, EnvironmentFollowUps followUps, EnvironmentPlans plans) {
    this.samples = samples;
    this.followUps = followUps;
    this.plans = plans;
  }

  @Operation(summary = "Environment plans seen from the caller's reach (in force; retired ones too when asked)")
  @GetMapping("/plans")
  @PreAuthorize(READ)
  List<EnvPlan> plans(@RequestParam(defaultValue = "false") boolean retired) {
    return plans.list(retired);
  }

  @Operation(summary = "Defines a plan (site kind, every N days, samples a visit): 400 naming the fields, 404, 409")
  @PostMapping("/plans")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(KeyGroupApiController.MANAGE)
  EnvPlan definePlan(@RequestBody NewEnvPlan request) {
    return plans.define(request);
  }

  @Operation(summary = "A plan (404 outside the reach)")
  @GetMapping("/plans/{id}")
  @PreAuthorize(READ)
  EnvPlan plan(@PathVariable UUID id) {
    return plans.get(id);
  }

  @Operation(summary = "Retires a plan (kept, readable); 409 naming RETIRED")
  @PostMapping("/plans/{id}/retire")
  @PreAuthorize(KeyGroupApiController.MANAGE)
  EnvPlan retirePlan(@PathVariable UUID id) {
    return plans.retire(id);
  }

  @Operation(summary = "The plan's sites needing a visit (never sampled, overdue, due today; all when asked)")
  @GetMapping("/plans/{id}/sites")
  @PreAuthorize(READ)
  List<SiteDue> planSites(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean all) {
    return plans.sites(id, all);
  }

  @Operation(summary = "Monitoring sites inside the caller's jurisdiction")
  @GetMapping("/sites")
  @PreAuthorize(READ)
  List<EnvSite> sites(@RequestParam(defaultValue = "false") boolean retired) {
    return samples.sites(retired);
  }

  @Operation(summary = "Registers a site: 400 naming the fields, 404 division or organisation outside reach")
  @PostMapping("/sites")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(KeyGroupApiController.MANAGE)
  EnvSite register(@RequestBody NewEnvSite request) {
    return samples.register(request);
  }

  @Operation(summary = "A site (404 outside the reach)")
  @GetMapping("/sites/{id}")
  @PreAuthorize(READ)
  EnvSite site(@PathVariable UUID id) {
    return samples.site(id);
  }

  @Operation(summary = "Samples inside the reach, newest first (of a site; positives only)")
  @GetMapping("/samples")
  @PreAuthorize(READ)
  PageResult<EnvSample> samples(@RequestParam(required = false) String site,
      @RequestParam(defaultValue = "false") boolean positive, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return samples.samples(site, positive, Paging.of(page, size));
  }

  @Operation(summary = "Records a sample: 400 naming the fields, 404 site outside reach, 409 barcode (existingId)")
  @PostMapping("/samples")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  EnvSample record(@RequestBody NewEnvSample request) {
    return samples.record(request);
  }

  @Operation(summary = "A sample by barcode (404 unknown or outside reach)")
  @GetMapping("/samples/{barcode}")
  @PreAuthorize(READ)
  EnvSample sample(@PathVariable String barcode) {
    return samples.sample(barcode);
  }

  @Operation(summary = "Enters the result: 400, 404, 409 naming the result stored; a positive opens a follow-up")
  @PostMapping("/samples/{barcode}/result")
  @PreAuthorize(WRITE)
  EnvSample result(@PathVariable String barcode, @RequestBody EnvResult request) {
    return samples.result(barcode, request);
  }

  @Operation(summary = "Follow-ups of positive samples inside the reach (open ones; closed ones too when asked)")
  @GetMapping("/follow-ups")
  @PreAuthorize(READ)
  PageResult<FollowUp> followUps(@RequestParam(defaultValue = "false") boolean closed,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return followUps.list(closed, Paging.of(page, size));
  }

  @Operation(summary = "A follow-up (404 outside the reach)")
  @GetMapping("/follow-ups/{id}")
  @PreAuthorize(READ)
  FollowUp followUp(@PathVariable UUID id) {
    return followUps.get(id);
  }

  @Operation(summary = "OPEN → SITE_CLOSED; 409 naming the current state")
  @PostMapping("/follow-ups/{id}/close-site")
  @PreAuthorize(WRITE)
  FollowUp closeSite(@PathVariable UUID id, @RequestBody(required = false) FollowUpStep step) {
    return followUps.closeSite(id, step);
  }

  @Operation(summary = "SITE_CLOSED → DISINFECTED with the exposed persons traced; 400 tracedPersons, 409")
  @PostMapping("/follow-ups/{id}/disinfected")
  @PreAuthorize(WRITE)
  FollowUp disinfected(@PathVariable UUID id, @RequestBody(required = false) FollowUpStep step) {
    return followUps.disinfected(id, step);
  }

  @Operation(summary = "DISINFECTED → CLOSED after a negative re-sample of the site; 409 otherwise")
  @PostMapping("/follow-ups/{id}/close")
  @PreAuthorize(WRITE)
  FollowUp close(@PathVariable UUID id, @RequestBody(required = false) FollowUpStep step) {
    return followUps.close(id, step);
  }
}
