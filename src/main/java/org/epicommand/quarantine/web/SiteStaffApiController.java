package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.quarantine.SiteStaff;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.EntityBindingsApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/quarantine/site-staff/{siteId}}: the site managers bound to a site, kept by administrators
 * (a site manager works only on the stays and orders of their sites).
 */
@RestController
@RequestMapping("/api/v1/quarantine/site-staff/{entity}")
@Tag(name = "Quarantine")
class SiteStaffApiController extends EntityBindingsApi {

  SiteStaffApiController(SiteStaff staff) {
    super(staff);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule siteStaffRule() {
      return new ApiAccessRule("/api/v1/quarantine/site-staff/**", "USER_ADMIN");
    }
  }
}
