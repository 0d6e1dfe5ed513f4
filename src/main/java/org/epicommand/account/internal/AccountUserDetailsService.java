package org.epicommand.account.internal;

import java.time.Clock;
import java.util.Optional;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts with their jurisdiction's path, which becomes the user's scope. */
@Service
class AccountUserDetailsService implements UserDetailsService, ImportPrincipals {

  private final UserAccess users;
  private final Jurisdictions jurisdictions;
  private final Clock clock;

  AccountUserDetailsService(UserAccess users, Jurisdictions jurisdictions, Clock clock) {
    this.users = users;
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
      if (user.jurisdictionCode() == null) {
        // the first administrator before any division exists: signs in, sees no personal data
        return Optional.of(new AccountUser(user.id(), user.username(), hash, user.roles(), null, null,
            null, user.enabled(), user.lockedUntil(), clock.instant()));
      }
      Optional<Jurisdiction> home = jurisdictions.find(user.jurisdictionCode());
      // an account whose jurisdiction is gone cannot be scoped, so it cannot sign in
      return home.map(j -> new AccountUser(user.id(), user.username(), hash, user.roles(), j.code(), j.name(),
          j.path(), user.enabled(), user.lockedUntil(), clock.instant()));
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
