package org.epicommand.supervision.web;

import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * URL-level rules (403 before any body is read) and navigation. The patterns do not overlap, so
 * their order does not matter; handlers check the finer permission again.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionWebConfiguration {

  @Bean
  ApiAccessRule inspectionPlansRule() {
    return new ApiAccessRule("/api/v1/inspections/plans/**", "INSPECTION_MANAGE");
  }

  @Bean
  ApiAccessRule inspectionVisitsRule() {
    return new ApiAccessRule("/api/v1/inspections/visits/**", "SUPERVISION_READ");
  }

  @Bean
  ApiAccessRule problemsRule() {
    return new ApiAccessRule("/api/v1/problems/**", "SUPERVISION_READ");
  }

  @Bean
  ApiAccessRule accountabilityRule() {
    return new ApiAccessRule("/api/v1/supervision/accountability/**", "INSPECTION_MANAGE");
  }

  @Bean
  ApiAccessRule scorecardRule() {
    return new ApiAccessRule("/api/v1/supervision/scorecard/**", "INSPECTION_MANAGE");
  }

  @Bean
  NavigationItem inspectionPlansNavigation() {
    return new NavigationItem(600, "/supervision/plans", "nav.supervision.plans", "INSPECTION_MANAGE",
        NavigationGroup.SUPERVISION);
  }

  @Bean
  NavigationItem inspectionVisitsNavigation() {
    return new NavigationItem(610, "/supervision/visits", "nav.supervision.visits", "SUPERVISION_READ",
        NavigationGroup.SUPERVISION);
  }

  @Bean
  NavigationItem problemsNavigation() {
    return new NavigationItem(620, "/supervision/problems", "nav.supervision.problems", "SUPERVISION_READ",
        NavigationGroup.SUPERVISION);
  }

  @Bean
  NavigationItem scorecardNavigation() {
    return new NavigationItem(630, "/supervision/scorecard", "nav.supervision.scorecard", "INSPECTION_MANAGE",
        NavigationGroup.SUPERVISION);
  }

  @Bean
  NavigationItem publicNamingNavigation() {
    return new NavigationItem(640, "/supervision/public-naming", "nav.supervision.publicNaming",
        "SUPERVISION_READ,COMMAND_READ", NavigationGroup.SUPERVISION);
  }
}
