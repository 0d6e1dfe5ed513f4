package org.epicommand.account.internal;

import java.time.Duration;
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

/**
 * The authenticated principal: the account, its authorities (its roles and any temporary role in
 * force) and its jurisdiction scope, as they were at sign-in. The security stamp and the end of the
 * earliest temporary role say when that picture is no longer true.
 */
public final class AccountUser implements UserDetails, CredentialsContainer {

  /** What an account looked like at sign-in, besides its roles and scope. */
  record Standing(long stamp, boolean enabled, boolean mustChangePassword, Instant passwordChangedAt,
      boolean passwordNeverExpires, Instant validUntil) {}

  private final UUID id;
  private final String username;
  private String passwordHash;
  private final Set<Role> roles;
  private final String jurisdictionCode;
  private final String jurisdictionName;
  private final String jurisdictionPath;
  private final Standing standing;

  AccountUser(UUID id, String username, String passwordHash, Set<Role> roles, String jurisdictionCode,
      String jurisdictionName, String jurisdictionPath, Standing standing) {
    this.id = id;
    this.username = username;
    this.passwordHash = passwordHash;
    this.roles = Set.copyOf(roles);
    this.jurisdictionCode = jurisdictionCode;
    this.jurisdictionName = jurisdictionName;
    this.jurisdictionPath = jurisdictionPath;
    this.standing = standing;
  }

  public UUID id() {
    return id;
  }

  /** The account's security stamp at sign-in. */
  public long stamp() {
    return standing.stamp();
  }

  /** When the earliest temporary role in force ends (the session must be renewed then), or null. */
  public Instant validUntil() {
    return standing.validUntil();
  }

  /** Whether the password must be changed before anything else: set by an administrator, or expired. */
  public boolean passwordChangeRequired(Instant now, Duration expiry) {
    return standing.mustChangePassword() || passwordExpired(now, expiry);
  }

  public boolean passwordExpired(Instant now, Duration expiry) {
    return !standing.passwordNeverExpires() && !expiry.isZero() && !expiry.isNegative()
        && !now.isBefore(standing.passwordChangedAt().plus(expiry));
  }

  /** The same principal after the user changed their own password (new stamp, nothing to change). */
  AccountUser withNewPassword(long stamp, Instant now) {
    return new AccountUser(id, username, null, roles, jurisdictionCode, jurisdictionName, jurisdictionPath,
        new Standing(stamp, standing.enabled(), false, now, standing.passwordNeverExpires(), standing.validUntil()));
  }

  public UserContext context() {
    return new UserContext(username, roles, jurisdictionCode, jurisdictionName,
        jurisdictionPath == null ? JurisdictionScope.NOWHERE : new JurisdictionScope(jurisdictionCode,
            jurisdictionPath));
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
  public boolean isEnabled() {
    return standing.enabled();
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }
}
