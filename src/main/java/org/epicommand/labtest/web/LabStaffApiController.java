package org.epicommand.labtest.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.labtest.LabStaff;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.EntityBindingsApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/labtest/lab-staff/{labCode}}: the lab operators bound to a lab, kept by administrators. */
@RestController
@RequestMapping("/api/v1/labtest/lab-staff/{entity}")
@Tag(name = "Testing")
class LabStaffApiController extends EntityBindingsApi {

  LabStaffApiController(LabStaff staff) {
    super(staff);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule labStaffRule() {
      return new ApiAccessRule("/api/v1/labtest/lab-staff/**", "USER_ADMIN");
    }
  }
}
