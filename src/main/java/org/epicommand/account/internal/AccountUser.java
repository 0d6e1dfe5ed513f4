package org.epicommand.account.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal: the account, its authorities and its jurisdiction scope. */
public final class AccountUser implements UserDetails, CredentialsContainer {

  private final UUID id;
  private final String username;
  private String passwordHash;
  private final Set<Role> roles;
  private final String jurisdictionCode;
  private final String jurisdictionName;
  private final String jurisdictionPath;
  private final boolean enabled;
  private final boolean locked;

  AccountUser(UUID id, String username, String passwordHash, Set<Role> roles, String jurisdictionCode,
      String jurisdictionName, String jurisdictionPath, boolean enabled, Instant lockedUntil, Instant now) {
    this.id = id;
    this.username = username;
    this.passwordHash = passwordHash;
    this.roles = Set.copyOf(roles);
    this.jurisdictionCode = jurisdictionCode;
    this.jurisdictionName = jurisdictionName;
    this.jurisdictionPath = jurisdictionPath;
    this.enabled = enabled;
    this.locked = lockedUntil != null && lockedUntil.isAfter(now);
  }

  public UUID id() {
    return id;
  }

  public UserContext context() {
    return new UserContext(username, roles, jurisdictionCode, jurisdictionName,
        jurisdictionPath == null ? JurisdictionScope.NOWHERE : new JurisdictionScope(jurisdictionCode, jurisdictionPath));
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Role role : roles) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
      role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
    }
    return authorities.stream().distinct().toList();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isAccountNonLocked() {
    return !locked;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }
}
