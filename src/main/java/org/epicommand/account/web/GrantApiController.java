package org.epicommand.account.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.epicommand.account.Role;
import org.epicommand.account.RoleGrants;
import org.epicommand.account.RoleGrants.GrantView;
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

/**
 * {@code /api/v1/grants}: temporary roles (break-the-glass). The security administrator grants and
 * revokes them; the auditor and the security administrator see them all. The body is validated by
 * the service, after the authority check, so that a caller without the right gets 403.
 */
@RestController
@RequestMapping("/api/v1/grants")
@Tag(name = "Accounts")
class GrantApiController {

  record NewGrant(String username, Role role, String jurisdictionCode, String reason, OffsetDateTime until) {}

  private final RoleGrants grants;

  GrantApiController(RoleGrants grants) {
    this.grants = grants;
  }

  @GetMapping
  @PreAuthorize("hasAnyAuthority('ACCESS_ADMIN', 'AUDIT_READ')")
  PageResult<GrantView> list(@RequestParam(required = false) String username,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return grants.list(username, Paging.of(page, size));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('ACCESS_ADMIN')")
  GrantView grant(@RequestBody NewGrant grant) {
    return grants.grant(grant.username(), grant.role(), grant.jurisdictionCode(), grant.reason(), grant.until());
  }

  @PostMapping("/{id}/revoke")
  @PreAuthorize("hasAuthority('ACCESS_ADMIN')")
  GrantView revoke(@PathVariable UUID id) {
    return grants.revoke(id);
  }
}
