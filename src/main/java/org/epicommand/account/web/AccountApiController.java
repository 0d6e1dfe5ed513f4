package org.epicommand.account.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.OwnPassword;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.account.UserAdministration.UserView;
import org.epicommand.account.UserContext;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/me} (with the user's own password) and {@code /api/v1/users} (docs/api.md, Platform):
 * the system administrator makes staff accounts, the security administrator gives roles and makes
 * administrators; the service enforces the separation of duties.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
class AccountApiController {

  record Me(String username, List<Role> roles, String jurisdictionCode, String jurisdictionName,
      boolean passwordChangeRequired) {}

  record NewUser(@NotBlank String username, String displayName, @NotBlank String password, @NotEmpty Set<Role> roles,
      @NotBlank String jurisdictionCode) {}

  record UserChange(String displayName, @NotEmpty Set<Role> roles, @NotBlank String jurisdictionCode,
      Boolean enabled) {}

  record PasswordReset(@NotBlank String password) {}

  record PasswordChange(String currentPassword, String newPassword) {}

  private final CurrentUser currentUser;
  private final UserAdministration users;
  private final OwnPassword ownPassword;

  AccountApiController(CurrentUser currentUser, UserAdministration users, OwnPassword ownPassword) {
    this.currentUser = currentUser;
    this.users = users;
    this.ownPassword = ownPassword;
  }

  @GetMapping("/me")
  Me me() {
    UserContext user = currentUser.get();
    return new Me(user.username(), user.roles().stream().sorted().toList(), user.jurisdictionCode(),
        user.jurisdictionName(), currentUser.passwordChangeRequired());
  }

  /** The signed-in user's own password: the current one and a new one under the policy. */
  @PostMapping("/me/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void changePassword(@RequestBody PasswordChange change) {
    ownPassword.change(change.currentPassword(), change.newPassword());
  }

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyAuthority('USER_ADMIN', 'ACCESS_ADMIN')")
  UserView create(@Valid @RequestBody NewUser user) {
    return users.create(user.username(), user.displayName(), user.password(), user.roles(), user.jurisdictionCode());
  }

  @GetMapping("/users")
  @PreAuthorize("hasAuthority('USER_READ')")
  PageResult<UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return users.list(q, Paging.of(page, size));
  }

  @GetMapping("/users/{id}")
  @PreAuthorize("hasAuthority('USER_READ')")
  UserView get(@PathVariable UUID id) {
    return users.get(id);
  }

  @PutMapping("/users/{id}")
  @PreAuthorize("hasAnyAuthority('USER_ADMIN', 'ACCESS_ADMIN')")
  UserView update(@PathVariable UUID id, @Valid @RequestBody UserChange change) {
    return users.update(id, change.displayName(), change.roles(), change.jurisdictionCode(),
        change.enabled() == null || change.enabled());
  }

  @PostMapping("/users/{id}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasAnyAuthority('USER_ADMIN', 'ACCESS_ADMIN')")
  void resetPassword(@PathVariable UUID id, @Valid @RequestBody PasswordReset reset) {
    users.resetPassword(id, reset.password());
  }

  /** Lifts the account's lock-out from every client address. */
  @PostMapping("/users/{id}/unlock")
  @PreAuthorize("hasAuthority('ACCESS_ADMIN')")
  UserView unlock(@PathVariable UUID id) {
    return users.unlock(id);
  }
}
