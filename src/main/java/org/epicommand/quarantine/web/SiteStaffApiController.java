package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.quarantine.SiteStaff;
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

/** {@code /api/v1/quarantine/site-staff/{siteId}}: the site managers bound to a site, kept by administrators. */
@RestController
@RequestMapping("/api/v1/quarantine/site-staff/{siteId}")
@Tag(name = "Quarantine")
@PreAuthorize("hasAuthority('USER_ADMIN')")
class SiteStaffApiController {

  record BindRequest(String username) {}

  private final SiteStaff staff;

  SiteStaffApiController(SiteStaff staff) {
    this.staff = staff;
  }

  @Operation(summary = "The users bound to a site (a site manager works only on the stays and orders of their sites)")
  @GetMapping
  List<EntityBindings.Binding> staff(@PathVariable UUID siteId) {
    return staff.staff(siteId);
  }

  @Operation(summary = "Binds a site manager to a site: 400 when the user is no site manager, 409 when bound already")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  EntityBindings.Binding bind(@PathVariable UUID siteId, @RequestBody BindRequest request) {
    return staff.bind(siteId, request.username());
  }

  @Operation(summary = "Takes the site away from the user; 404 when they were not bound to it")
  @DeleteMapping("/{username}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unbind(@PathVariable UUID siteId, @PathVariable String username) {
    staff.unbind(siteId, username);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule siteStaffRule() {
      return new ApiAccessRule("/api/v1/quarantine/site-staff/**", "USER_ADMIN");
    }
  }
}
