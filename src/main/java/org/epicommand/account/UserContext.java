package org.epicommand.account;

import java.util.Set;
import org.epicommand.jurisdiction.JurisdictionScope;

/** The signed-in user: who, with which roles, and the subtree their personal-data access is limited to. */
public record UserContext(String username, Set<Role> roles, String jurisdictionCode, String jurisdictionName,
    JurisdictionScope scope) {

  public boolean has(Permission permission) {
    return roles.stream().anyMatch(role -> role.permissions().contains(permission));
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
