package org.epicommand.quarantine.web;

import org.epicommand.shared.ApiAccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every quarantine endpoint but the rule-set list needs at least QUARANTINE_READ (those who may
 * write or run a site can all read): checked before path variables and bodies are read.
 */
@Configuration(proxyBeanMethods = false)
class QuarantineApiAccess {

  @Bean
  ApiAccessRule quarantineOrdersRule() {
    return new ApiAccessRule("/api/v1/quarantine/orders/**", "QUARANTINE_READ");
  }

  @Bean
  ApiAccessRule quarantineAlertsRule() {
    return new ApiAccessRule("/api/v1/quarantine/alerts/**", "QUARANTINE_READ");
  }

  @Bean
  ApiAccessRule quarantineSitesRule() {
    return new ApiAccessRule("/api/v1/quarantine/sites/**", "QUARANTINE_READ");
  }

  @Bean
  ApiAccessRule quarantineRoomsRule() {
    return new ApiAccessRule("/api/v1/quarantine/rooms/**", "QUARANTINE_READ");
  }

  @Bean
  ApiAccessRule quarantineTripsRule() {
    return new ApiAccessRule("/api/v1/quarantine/trips/**", "QUARANTINE_READ");
  }

  @Bean
  ApiAccessRule quarantineWorkListsRule() {
    return new ApiAccessRule("/api/v1/quarantine/work-lists/**", "QUARANTINE_READ");
  }
}
