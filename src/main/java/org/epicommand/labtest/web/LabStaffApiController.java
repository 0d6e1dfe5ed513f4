package org.epicommand.labtest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.epicommand.labtest.LabStaff;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.EntityBindings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/labtest/lab-staff/{code}}: the lab operators bound to a lab, kept by administrators. */
@RestController
@RequestMapping("/api/v1/labtest/lab-staff/{code}")
@Tag(name = "Testing")
@PreAuthorize("hasAuthority('USER_ADMIN')")
class LabStaffApiController {

  record BindRequest(String username) {}

  private final LabStaff staff;

  LabStaffApiController(LabStaff staff) {
    this.staff = staff;
  }

  @Operation(summary = "The users bound to a lab (a lab operator's results land only for their labs)")
  @GetMapping
  List<EntityBindings.Binding> staff(@PathVariable String code) {
    return staff.staff(code);
  }

  @Operation(summary = "Binds a lab operator to a lab: 400 when the user is no lab operator, 409 when bound already")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  EntityBindings.Binding bind(@PathVariable String code, @RequestBody BindRequest request) {
    return staff.bind(code, request.username());
  }

  @Operation(summary = "Takes the lab away from the user; 404 when they were not bound to it")
  @DeleteMapping("/{username}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unbind(@PathVariable String code, @PathVariable String username) {
    staff.unbind(code, username);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule labStaffRule() {
      return new ApiAccessRule("/api/v1/labtest/lab-staff/**", "USER_ADMIN");
    }
  }
}
