package org.epicommand.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.epicommand.account.Role;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts with their jurisdiction's path, which becomes the user's scope. A temporary role in
 * force (break-the-glass) is added to the account's roles, and for its duration the account works
 * in the grant's division: that division's subtree is its scope.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, ImportPrincipals {

  private final UserAccess users;
  private final GrantAccess grants;
  private final Jurisdictions jurisdictions;
  private final Clock clock;

  AccountUserDetailsService(UserAccess users, GrantAccess grants, Jurisdictions jurisdictions, Clock clock) {
    this.users = users;
    this.grants = grants;
    this.jurisdictions = jurisdictions;
    this.clock = clock;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return load(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }

  private Optional<AccountUser> load(String username) {
    return users.findByUsername(username).flatMap(user -> {
      String hash = users.passwordHash(username).orElse(null);
      Instant now = clock.instant();
      List<GrantAccess.StoredGrant> inForce = grants.active(user.id(), now);
      Set<Role> roles = EnumSet.copyOf(user.roles());
      inForce.forEach(grant -> roles.add(grant.role()));
      String home = inForce.isEmpty() ? user.jurisdictionCode() : inForce.get(0).jurisdictionCode();
      AccountUser.Standing standing = new AccountUser.Standing(user.stamp(), user.enabled(), user.mustChangePassword(),
          user.passwordChangedAt(), user.passwordNeverExpires(), inForce.isEmpty() ? null : inForce.get(0).endsAt());
      if (home == null) {
        // the first administrators before any division exists: they sign in, and see no personal data
        return Optional.of(new AccountUser(user.id(), user.username(), hash, roles, null, null, null, standing));
      }
      Optional<Jurisdiction> division = jurisdictions.find(home);
      // an account whose jurisdiction is gone cannot be scoped, so it cannot sign in
      return division.map(j -> new AccountUser(user.id(), user.username(), hash, roles, j.code(), j.name(), j.path(),
          standing));
    });
  }

  @Override
  public Optional<Authentication> authenticationOf(String username) {
    return load(username).filter(AccountUser::isEnabled).map(user -> {
      user.eraseCredentials();
      return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    });
  }
}
