package org.epicommand.audit.web;

import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail's place in the navigation and its access rule. */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration {

  @Bean
  ApiAccessRule auditApiRule() {
    return new ApiAccessRule("/api/v1/audit/**", "AUDIT_READ");
  }

  @Bean
  NavigationItem auditNavigation() {
    return new NavigationItem(900, "/audit", "nav.audit", "AUDIT_READ", NavigationGroup.SYSTEM);
  }
}
