package org.epicommand.account.internal;

import static org.epicommand.account.Permission.ACCESS_ADMIN;
import static org.epicommand.account.Permission.USER_ADMIN;

import java.util.List;
import java.util.Set;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.DutyViolation;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The separation of duties (三员分立) between the system administrator (staff accounts, no roles to
 * give), the security administrator (roles, administrator accounts, unlocking, temporary roles) and
 * the audit administrator (reads only). Nobody changes their own account or resets their own
 * password through the administration; administrator roles are held alone.
 */
@Component
public class AccountDuties {

  private final CurrentUser currentUser;

  AccountDuties(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  /** Administrator roles are held alone: a field problem of {@code roles} otherwise. */
  public static void checkExclusive(Set<Role> roles, List<FieldProblem> problems) {
    if (roles != null && roles.size() > 1 && roles.stream().anyMatch(Role::administrator)) {
      problems.add(FieldProblem.of("roles", "user.rolesExclusive"));
    }
  }

  /** Accounts with administrator roles are the security administrator's to make, staff accounts the system
   * administrator's. */
  public void mayCreate(Set<Role> roles) {
    UserContext caller = currentUser.get();
    if (roles.stream().anyMatch(Role::administrator)) {
      require(caller.has(ACCESS_ADMIN), "administratorRoles");
    } else {
      require(caller.has(USER_ADMIN), "staffAccounts");
    }
  }

  /**
   * The security administrator changes any other account, roles included; the system administrator
   * changes the name, division and state of staff accounts, never roles, never an administrator.
   */
  public void mayChange(UserAccess.StoredUser target, Set<Role> roles) {
    UserContext caller = notSelf(target);
    if (caller.has(ACCESS_ADMIN)) {
      return;
    }
    require(caller.has(USER_ADMIN), "staffAccounts");
    require(target.roles().equals(roles), "roles");
    require(!target.administrator(), "administratorAccount");
  }

  /** Administrators' passwords are reset by the security administrator, staff passwords by the system administrator. */
  public void mayResetPassword(UserAccess.StoredUser target) {
    UserContext caller = notSelf(target);
    if (target.administrator()) {
      require(caller.has(ACCESS_ADMIN), "administratorPassword");
    } else {
      require(caller.has(USER_ADMIN), "staffPasswords");
    }
  }

  /** Unlocking and temporary roles are the security administrator's, never for itself. */
  public void mayManageAccess(UserAccess.StoredUser target) {
    require(notSelf(target).has(ACCESS_ADMIN), "access");
  }

  /** The caller's username (for the grants it makes). */
  public String caller() {
    return currentUser.get().username();
  }

  private UserContext notSelf(UserAccess.StoredUser target) {
    UserContext caller = currentUser.get();
    require(!caller.username().equals(target.username()), "self");
    return caller;
  }

  private static void require(boolean allowed, String rule) {
    if (!allowed) {
      throw new DutyViolation(rule);
    }
  }
}
