package org.epicommand.treatment.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.EntityBindingsApi;
import org.epicommand.treatment.HospitalStaff;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/treatment/hospital-staff/{hospitalCode}}: the hospital operators bound to a hospital, kept by
 * administrators. */
@RestController
@RequestMapping("/api/v1/treatment/hospital-staff/{entity}")
@Tag(name = "Treatment")
class HospitalStaffApiController extends EntityBindingsApi {

  HospitalStaffApiController(HospitalStaff staff) {
    super(staff);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule hospitalStaffRule() {
      return new ApiAccessRule("/api/v1/treatment/hospital-staff/**", "USER_ADMIN");
    }
  }
}
