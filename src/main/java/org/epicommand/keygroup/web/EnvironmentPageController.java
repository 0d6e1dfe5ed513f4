package org.epicommand.keygroup.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.keygroup.EnvPlan;
import org.epicommand.keygroup.EnvResult;
import org.epicommand.keygroup.EnvironmentFollowUps;
import org.epicommand.keygroup.EnvironmentPlans;
import org.epicommand.keygroup.EnvironmentSamples;
import org.epicommand.keygroup.FollowUpStep;
import org.epicommand.keygroup.Matrix;
import org.epicommand.keygroup.NewEnvPlan;
import org.epicommand.keygroup.NewEnvSample;
import org.epicommand.keygroup.NewEnvSite;
import org.epicommand.keygroup.SiteDue;
import org.epicommand.keygroup.SiteKind;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The environmental monitoring page ({@code /environment}), phone first: open follow-ups of positives with their
 * moves, the latest samples with result entry, the sample form, the plans with their sites falling due and the
 * sites.
 */
@Controller
@RequestMapping("/environment")
class EnvironmentPageController {

  /** A plan with its sites needing a visit, as the page shows it. */
  record PlanView(EnvPlan plan, List<SiteDue> due) {}

  private final EnvironmentSamples samples;
  private final EnvironmentFollowUps followUps;
  private final EnvironmentPlans plans;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  EnvironmentPageController(EnvironmentSamples samples, EnvironmentFollowUps followUps, EnvironmentPlans plans,
      CurrentUser currentUser, FormMessages forms, Clock clock) {
    this.samples = samples;
    this.followUps = followUps;
    this.plans = plans;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize(EnvironmentApiController.READ)
  String page(@RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("followUps", followUps.list(false, Paging.of(0, 50)).items());
    FormMessages.pager(model, samples.samples(null, false, Paging.of(page == null ? null : Math.max(page, 0), 30)));
    model.addAttribute("sites", samples.sites(false));
    model.addAttribute("plans", plans.list(false).stream()
        .map(p -> new PlanView(p, plans.sites(UUID.fromString(p.id()), false))).toList());
    model.addAttribute("kinds", SiteKind.values());
    model.addAttribute("matrices", Matrix.values());
    model.addAttribute("canWrite", currentUser.get().has(Permission.ENVIRONMENT_WRITE));
    model.addAttribute("canManage", currentUser.get().has(Permission.KEYGROUP_MANAGE));
    model.addAttribute("zone", clock.getZone());
    return "keygroup/environment";
  }

  @PostMapping("/sites")
  @PreAuthorize(KeyGroupApiController.MANAGE)
  String register(@RequestParam(required = false) String name, @RequestParam(required = false) SiteKind kind,
      @RequestParam(required = false) String jurisdictionCode, @RequestParam(required = false) String organisation,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/environment", "keygroup.page.siteRegistered",
        () -> samples.register(new NewEnvSite(name, kind, jurisdictionCode, organisation)));
  }

  @PostMapping("/plans")
  @PreAuthorize(KeyGroupApiController.MANAGE)
  String definePlan(@RequestParam(required = false) SiteKind siteKind,
      @RequestParam(required = false) Integer everyDays, @RequestParam(required = false) Integer samplesPerVisit,
      @RequestParam(required = false) String jurisdictionCode, RedirectAttributes redirect) {
    return forms.run(redirect, "/environment", "keygroup.page.planDefined",
        () -> plans.define(new NewEnvPlan(siteKind, everyDays, samplesPerVisit, jurisdictionCode, null)));
  }

  @PostMapping("/samples")
  @PreAuthorize(EnvironmentApiController.WRITE)
  String record(@RequestParam(required = false) String barcode, @RequestParam(required = false) String siteId,
      @RequestParam(required = false) Matrix matrix, @RequestParam(required = false) String goodsBatch,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/environment", "keygroup.page.sampleRecorded",
        () -> samples.record(new NewEnvSample(barcode, siteId, matrix, goodsBatch, null)));
  }

  @PostMapping("/samples/{barcode}/result")
  @PreAuthorize(EnvironmentApiController.WRITE)
  String result(@PathVariable String barcode, @RequestParam(required = false) String result,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/environment", "keygroup.page.resulted",
        () -> samples.result(barcode, new EnvResult(result, null, null)));
  }

  @PostMapping("/follow-ups/{id}/{step}")
  @PreAuthorize(EnvironmentApiController.WRITE)
  String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) Integer tracedPersons,
      @RequestParam(required = false) String note, RedirectAttributes redirect) {
    FollowUpStep body = new FollowUpStep(tracedPersons, note);
    return forms.run(redirect, "/environment", "keygroup.page.followUpMoved", () -> {
      switch (step) {
        case "close-site" -> followUps.closeSite(id, body);
        case "disinfected" -> followUps.disinfected(id, body);
        case "close" -> followUps.close(id, body);
        default -> throw new org.epicommand.shared.RecordNotFound("ENV_FOLLOW_UP");
      }
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem environmentNavigation() {
      return new NavigationItem(572, "/environment", "nav.environment", "KEYGROUP_READ,ENVIRONMENT_WRITE",
          NavigationGroup.SENTINEL);
    }
  }
}
